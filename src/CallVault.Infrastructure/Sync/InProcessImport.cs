using CallVault.Core.Sync;
using CallVault.Infrastructure.Jobs;
using CallVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Sync;

/// <summary>
/// Runs an import in the calling process (the CLI) while holding its job's lease, exactly as a worker
/// would: the lease is renewed while it runs, and if the process stops or dies, the job goes back to
/// the queue and a server resumes it from the last checkpoint. Needs the ingestion writer running.
/// </summary>
public sealed class InProcessImport(
    ImportStarter starter,
    ImportRunner runner,
    JobQueue queue,
    IDbContextFactory<CallVaultDbContext> contextFactory,
    IOptions<JobOptions> jobOptions,
    TimeProvider time)
{
    public async Task<Import> RunAsync(ImportRange range, string? requestedBy, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var owner = $"cli:{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
        var (import, job) = await starter.CreateAsync(range, requestedBy, owner, cancellationToken);
        progress?.Report(new ImportProgress(import.Id, 0, 0, 0, 0, 0, PageCommitted: false));

        using var leaseLost = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var heartbeatStop = new CancellationTokenSource();
        var heartbeat = JobLease.KeepAsync(queue, job!, jobOptions.Value.Lease, time, leaseLost, heartbeatStop.Token);
        JobOutcome outcome;
        try
        {
            outcome = await runner.RunAsync(job!.Id, progress, leaseLost.Token);
        }
        catch (OperationCanceledException)
        {
            // Interrupted: hand the job to the queue so a server continues from the checkpoint.
            await queue.ReleaseAsync(job!, CancellationToken.None);
            throw;
        }
        catch (Exception ex)
        {
            await queue.CompleteAsync(job!, new JobOutcome.Retry($"{ex.GetType().Name}: {ex.Message}", time.GetUtcNow().UtcDateTime), CancellationToken.None);
            throw;
        }
        finally
        {
            await heartbeatStop.CancelAsync();
            await heartbeat;
        }

        await queue.CompleteAsync(job!, outcome, CancellationToken.None);
        await using var db = await contextFactory.CreateDbContextAsync(CancellationToken.None);
        return await db.Imports.AsNoTracking().FirstAsync(i => i.Id == import.Id, CancellationToken.None);
    }
}
