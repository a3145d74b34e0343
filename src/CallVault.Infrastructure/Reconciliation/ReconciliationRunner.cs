using CallVault.Core.Reconciliation;
using CallVault.Infrastructure.Jobs;
using CallVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Reconciliation;

/// <summary>
/// Runs a reconciliation from the start: provider vs database, database vs storage, then checksums,
/// saving the counts after each part. A run interrupted by a crash starts over when its job is claimed
/// again — every repair re-checks what it changes, so doing it twice changes nothing more.
/// </summary>
internal sealed partial class ReconciliationRunner(
    IDbContextFactory<CallVaultDbContext> contextFactory,
    ProviderComparison provider,
    StorageComparison storage,
    ChecksumCheck checksums,
    IOptionsMonitor<ReconciliationOptions> options,
    TimeProvider time,
    ILogger<ReconciliationRunner> logger)
{
    public async Task<JobOutcome> RunAsync(long jobId, CancellationToken cancellationToken)
    {
        ReconciliationRun? run;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            run = await db.Reconciliations.AsNoTracking().FirstOrDefaultAsync(r => r.JobId == jobId, cancellationToken);
        }

        if (run is null)
        {
            return new JobOutcome.Dead($"no reconciliation belongs to job {jobId}");
        }

        if (run.Status != ReconciliationStatus.Running)
        {
            return JobOutcome.Done;
        }

        var tally = new ReconciliationTally(options.CurrentValue.MaxFindings);
        string? error;
        try
        {
            error = await provider.RunAsync(run, tally, cancellationToken);
            await SaveAsync(run.Id, tally, null, cancellationToken);
            await storage.RunAsync(run, tally, cancellationToken);
            await SaveAsync(run.Id, tally, null, cancellationToken);
            await checksums.RunAsync(run, tally, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not DbUpdateException)
        {
            // Storage or the provider failed in a way no retry of this run would fix by itself: visible, not retried.
            error = $"{ex.GetType().Name}: {ex.Message}";
            await SaveAsync(run.Id, tally, (ReconciliationStatus.Failed, error), cancellationToken);
            LogFailed(logger, run.Id, error, ex);
            SyncMetrics.Record(tally, "failed");
            return new JobOutcome.Dead(error);
        }

        await SaveAsync(run.Id, tally, (error is null ? ReconciliationStatus.Completed : ReconciliationStatus.Failed, error), cancellationToken);
        SyncMetrics.Record(tally, error is null ? "completed" : "failed");
        LogFinished(logger, run.Id, error is null ? ReconciliationStatus.Completed : ReconciliationStatus.Failed, tally.MissingMetadata, tally.OrphanObjects,
            tally.MissingObjects, tally.ChecksumMismatches, tally.InterruptedStores, tally.Repaired, tally.DeletedOrphans);
        return JobOutcome.Done;
    }

    private async Task SaveAsync(Guid id, ReconciliationTally tally, (ReconciliationStatus Status, string? Error)? finish, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.Reconciliations.FirstAsync(r => r.Id == id, cancellationToken);
        tally.CopyTo(run);
        if (finish is { } f)
        {
            run.Status = f.Status;
            run.LastError = f.Error;
            run.FinishedAt = time.GetUtcNow().UtcDateTime;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information,
        Message = "Reconciliation {ReconciliationId} {Status}: missing metadata {MissingMetadata}, orphan objects {OrphanObjects}, missing objects {MissingObjects}, checksum mismatches {ChecksumMismatches}, interrupted stores {InterruptedStores}, repaired {Repaired}, deleted orphans {DeletedOrphans}")]
    private static partial void LogFinished(ILogger logger, Guid reconciliationId, ReconciliationStatus status, int missingMetadata, int orphanObjects,
        int missingObjects, int checksumMismatches, int interruptedStores, int repaired, int deletedOrphans);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Error, Message = "Reconciliation {ReconciliationId} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, Guid reconciliationId, string reason, Exception exception);
}
