using CallVault.Core.Jobs;
using CallVault.Core.Reconciliation;
using CallVault.Infrastructure.Jobs;
using CallVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Reconciliation;

/// <summary>
/// Creates a reconciliation and its <c>reconcile.run</c> job in one transaction — the one code path
/// behind <c>POST /api/reconciliations</c>, the schedule and <c>callvault reconcile</c>.
/// </summary>
internal sealed class ReconciliationStarter(
    IDbContextFactory<CallVaultDbContext> contextFactory,
    IOptions<JobOptions> jobOptions,
    JobSignal signal,
    TimeProvider time)
{
    /// <summary>Queues the run for the server's workers.</summary>
    public async Task<ReconciliationRun> StartAsync(ReconciliationRequest request, string? requestedBy, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (run, _) = await CreateAsync(db, request, requestedBy, leaseOwner: null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.Notify();
        return run;
    }

    /// <summary>
    /// The schedule's run, unless a reconciliation started within <paramref name="interval"/> already
    /// (checked and created in one write transaction, so instances sharing the database start one between them);
    /// with <paramref name="onlyAfterEarlierRun"/>, only when some reconciliation ran before.
    /// </summary>
    public async Task<ReconciliationRun?> StartUnlessRecentAsync(
        ReconciliationRequest request, string requestedBy, TimeSpan interval, bool onlyAfterEarlierRun, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow().UtcDateTime - interval;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var latest = await db.Reconciliations.OrderByDescending(r => r.StartedAt).Select(r => (DateTime?)r.StartedAt).FirstOrDefaultAsync(cancellationToken);
        if (latest > since || (latest is null && onlyAfterEarlierRun))
        {
            return null;
        }

        var (run, _) = await CreateAsync(db, request, requestedBy, leaseOwner: null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.Notify();
        return run;
    }

    /// <summary>The run with its job already claimed by <paramref name="leaseOwner"/> (the CLI runs it itself; if it dies, a server's worker takes over).</summary>
    public async Task<(ReconciliationRun Run, ClaimedJob Job)> StartClaimedAsync(ReconciliationRequest request, string? requestedBy, string leaseOwner, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (run, job) = await CreateAsync(db, request, requestedBy, leaseOwner, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (run, ClaimedJob.Of(job));
    }

    private async Task<(ReconciliationRun Run, Job Job)> CreateAsync(
        CallVaultDbContext db, ReconciliationRequest request, string? requestedBy, string? leaseOwner, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var job = leaseOwner is null
            ? JobQueue.NewJob(ReconciliationJob.Kind, recordingId: null, now)
            : JobQueue.NewClaimedJob(ReconciliationJob.Kind, now, leaseOwner, jobOptions.Value.Lease);

        db.Jobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        var run = new ReconciliationRun
        {
            Id = Guid.CreateVersion7(now),
            Status = ReconciliationStatus.Running,
            Repair = request.Repair,
            DeleteOrphans = request.DeleteOrphans,
            OrphanGraceSeconds = request.OrphanGraceSeconds,
            ChecksumSample = request.ChecksumSample,
            JobId = job.Id,
            StartedAt = now,
            RequestedBy = requestedBy,
        };
        db.Reconciliations.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return (run, job);
    }
}
