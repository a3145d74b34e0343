using CallVault.Core.Sync;
using CallVault.Infrastructure.Jobs;
using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Twilio;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Sync;

/// <summary>
/// Creates an import and its <c>import.run</c> job in one transaction — the one code path behind
/// <c>POST /api/imports</c> and <c>callvault import</c>.
/// </summary>
public sealed class ImportStarter(
    IDbContextFactory<CallVaultDbContext> contextFactory,
    IOptionsMonitor<TwilioOptions> twilio,
    IOptions<JobOptions> jobOptions,
    JobSignal signal,
    TimeProvider time)
{
    /// <summary>Whether the provider's credentials are set, so its list can be read.</summary>
    public bool IsConfigured(string provider) => provider == "twilio" && twilio.CurrentValue.IsConfigured;

    /// <summary>Queues the import for the server's workers.</summary>
    public async Task<Import> StartAsync(ImportRange range, string? requestedBy, CancellationToken cancellationToken)
    {
        var (import, _) = await CreateAsync(range, requestedBy, leaseOwner: null, cancellationToken);
        signal.Notify();
        return import;
    }

    /// <summary>
    /// Creates the import; with <paramref name="leaseOwner"/>, its job is created already claimed by
    /// that owner (the CLI runs it in its own process; if that process dies, the lease expires and a
    /// server's worker resumes it).
    /// </summary>
    internal async Task<(Import Import, ClaimedJob? Job)> CreateAsync(ImportRange range, string? requestedBy, string? leaseOwner, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var job = leaseOwner is null
            ? JobQueue.NewJob(ImportJob.Kind, recordingId: null, now)
            : JobQueue.NewClaimedJob(ImportJob.Kind, now, leaseOwner, jobOptions.Value.Lease);

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Jobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        var import = new Import
        {
            Id = Guid.CreateVersion7(now),
            Provider = range.Provider,
            From = range.From,
            To = range.To,
            Status = ImportStatus.Running,
            JobId = job.Id,
            StartedAt = now,
            UpdatedAt = now,
            RequestedBy = requestedBy,
        };
        db.Imports.Add(import);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (import, leaseOwner is null ? null : ClaimedJob.Of(job));
    }
}
