using CallVault.Core.Reconciliation;
using CallVault.Infrastructure.Jobs;
using CallVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Reconciliation;

/// <summary>
/// Runs a reconciliation in the calling process (the CLI) while holding its job's lease, as a worker
/// would: renewed while it runs; if the process dies, the lease expires and a server runs it again.
/// Imports of missed recordings need the ingestion writer running.
/// </summary>
internal sealed class InProcessReconciliation(
    ReconciliationStarter starter,
    ReconciliationRunner runner,
    JobQueue queue,
    IDbContextFactory<CallVaultDbContext> contextFactory,
    IOptions<JobOptions> jobOptions,
    TimeProvider time)
{
    public async Task<ReconciliationRun> RunAsync(ReconciliationRequest request, string? requestedBy, CancellationToken cancellationToken)
    {
        var owner = $"cli:{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
        var (run, job) = await starter.StartClaimedAsync(request, requestedBy, owner, cancellationToken);
        using var leaseLost = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var heartbeatStop = new CancellationTokenSource();
        var heartbeat = JobLease.KeepAsync(queue, job, jobOptions.Value.Lease, time, leaseLost, heartbeatStop.Token);
        JobOutcome outcome;
        try
        {
            outcome = await runner.RunAsync(job.Id, leaseLost.Token);
        }
        catch (OperationCanceledException)
        {
            await queue.ReleaseAsync(job, CancellationToken.None);
            throw;
        }
        catch (Exception ex)
        {
            await queue.CompleteAsync(job, new JobOutcome.Retry($"{ex.GetType().Name}: {ex.Message}", time.GetUtcNow().UtcDateTime), CancellationToken.None);
            throw;
        }
        finally
        {
            await heartbeatStop.CancelAsync();
            await heartbeat;
        }

        await queue.CompleteAsync(job, outcome, CancellationToken.None);
        await using var db = await contextFactory.CreateDbContextAsync(CancellationToken.None);
        return await db.Reconciliations.AsNoTracking().FirstAsync(r => r.Id == run.Id, CancellationToken.None);
    }
}
