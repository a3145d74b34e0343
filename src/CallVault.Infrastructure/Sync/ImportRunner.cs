using CallVault.Core.Sync;
using CallVault.Infrastructure.Jobs;
using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Twilio;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Sync;

/// <summary>
/// Runs an import from its checkpoint: reads a page of the provider's list, writes its recordings
/// (a bounded number in flight, each with its ledger row in the recording's transaction), then
/// commits the counts derived from the ledger together with the next page as the new checkpoint.
/// A process killed mid-page redoes that page: items already in the ledger change nothing.
/// </summary>
public sealed partial class ImportRunner(
    IDbContextFactory<CallVaultDbContext> contextFactory,
    TwilioRecordingLister lister,
    ProviderRecordingImporter importer,
    IOptionsMonitor<ImportOptions> options,
    TimeProvider time,
    ILogger<ImportRunner> logger)
{
    public async Task<JobOutcome> RunAsync(long jobId, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        Import? import;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            import = await db.Imports.AsNoTracking().FirstOrDefaultAsync(i => i.JobId == jobId, cancellationToken);
        }

        if (import is null)
        {
            return new JobOutcome.Dead($"no import belongs to job {jobId}");
        }

        while (import.Status == ImportStatus.Running)
        {
            var pageUri = import.NextPageUri ?? lister.FirstPageUri(import.From, import.To, options.CurrentValue.PageSize);
            TwilioRecordingPage page;
            try
            {
                page = await lister.GetPageAsync(pageUri, cancellationToken);
            }
            catch (TwilioListException ex)
            {
                await FinishAsync(import.Id, ImportStatus.Failed, $"could not read the provider's list: {ex.Message}", cancellationToken);
                LogFailed(logger, import.Id, ex.Message);
                return new JobOutcome.Dead(ex.Message);
            }

            var lastError = await WritePageAsync(import, page, progress, cancellationToken);
            import = await CommitPageAsync(import.Id, page.NextPageUri, lastError, cancellationToken);
            progress?.Report(new ImportProgress(import.Id, import.Found, import.Imported, import.Skipped, import.Failed, import.Pages, PageCommitted: true));
        }

        LogFinished(logger, import.Id, import.Status, import.Found, import.Imported, import.Skipped, import.Failed);
        return JobOutcome.Done;
    }

    /// <summary>Marks the import of <paramref name="jobId"/> failed with <paramref name="reason"/> (its job is given up).</summary>
    public async Task FailAsync(long jobId, string reason, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var importId = await db.Imports.Where(i => i.JobId == jobId).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(cancellationToken);
        if (importId is { } id)
        {
            await FinishAsync(id, ImportStatus.Failed, reason, cancellationToken);
            LogFailed(logger, id, reason);
        }
    }

    /// <summary>Writes every recording of the page; the last per-item failure reason, if any.</summary>
    private async Task<string?> WritePageAsync(Import import, TwilioRecordingPage page, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var tally = new ImportTally(import.Id, new ImportCounts(import.Found, import.Imported, import.Skipped, import.Failed), import.Pages);
        string? lastError = null;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.CurrentValue.Concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(page.Recordings, parallel, async (recording, ct) =>
        {
            var result = await importer.ImportAsync(import.Id, recording, ct);
            if (result is { New: true, Outcome: ImportItemOutcome.Failed })
            {
                lastError = $"{recording.Sid}: {result.Reason}";
            }

            tally.Add(result);
            progress?.Report(tally.Snapshot());
        });
        return lastError;
    }

    private async Task<Import> CommitPageAsync(Guid importId, string? nextPageUri, string? lastError, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var import = await db.Imports.FirstAsync(i => i.Id == importId, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        (await ImportCounts.FromLedgerAsync(db, importId, cancellationToken)).ApplyTo(import);
        import.Pages++;
        import.NextPageUri = nextPageUri;
        import.LastError = lastError ?? import.LastError;
        import.UpdatedAt = now;
        if (nextPageUri is null)
        {
            import.Status = ImportStatus.Completed;
            import.FinishedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        LogPage(logger, importId, import.Pages, import.Found);
        return import;
    }

    private async Task FinishAsync(Guid importId, ImportStatus status, string? error, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var import = await db.Imports.FirstAsync(i => i.Id == importId, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        (await ImportCounts.FromLedgerAsync(db, importId, cancellationToken)).ApplyTo(import);
        import.Status = status;
        import.LastError = error ?? import.LastError;
        import.FinishedAt = now;
        import.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Debug, Message = "Import {ImportId}: page {Page} committed, {Found} recordings so far")]
    private static partial void LogPage(ILogger logger, Guid importId, int page, int found);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Import {ImportId} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, Guid importId, string reason);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information,
        Message = "Import {ImportId} {Status}: found {Found}, imported {Imported}, skipped {Skipped}, failed {Failed}")]
    private static partial void LogFinished(ILogger logger, Guid importId, ImportStatus status, int found, int imported, int skipped, int failed);
}
