using CallVault.Core.Reconciliation;
using CallVault.Core.Sync;
using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Sync;
using CallVault.Infrastructure.Twilio;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Reconciliation;

/// <summary>
/// Provider vs database: pages through Twilio's recordings list for the last
/// <c>CallVault:Reconciliation:ProviderDays</c> days and looks each page up in one query; a finished
/// recording with no row is <c>missingMetadata</c>, imported (like a webhook) when the run may repair it.
/// Memory: one page.
/// </summary>
internal sealed class ProviderComparison(
    IDbContextFactory<CallVaultDbContext> contextFactory,
    TwilioRecordingLister lister,
    ProviderRecordingImporter importer,
    ReconciliationImports imports,
    IOptionsMonitor<TwilioOptions> twilio,
    IOptionsMonitor<ReconciliationOptions> options,
    TimeProvider time)
{
    private const string Provider = "twilio";

    /// <summary>Null when the list was compared (or there was nothing to compare), otherwise why it could not be.</summary>
    public async Task<string?> RunAsync(ReconciliationRun run, ReconciliationTally tally, CancellationToken cancellationToken)
    {
        var days = options.CurrentValue.ProviderDays;
        if (days == 0)
        {
            return null;
        }

        if (!twilio.CurrentValue.IsConfigured)
        {
            tally.Note(ReconciliationTally.ProblemKind, "provider", "Twilio is not configured; its list was not compared");
            return null;
        }

        var to = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var from = to.AddDays(-days);
        Guid? importId = null;
        string? error = null;
        for (var uri = lister.FirstPageUri(from, to); uri is not null;)
        {
            TwilioRecordingPage page;
            try
            {
                page = await lister.GetPageAsync(uri, cancellationToken);
            }
            catch (TwilioListException ex)
            {
                error = $"the provider's list could not be read: {ex.Message}";
                break;
            }

            tally.ProviderListed += page.Recordings.Count;
            foreach (var recording in await UnknownAsync(page, cancellationToken))
            {
                tally.MissingMetadata++;
                if (run.Repair == ReconciliationRepair.None)
                {
                    tally.Note(ReconciliationTally.MissingMetadataKind, recording.Sid, "not imported (dry run)");
                    continue;
                }

                importId ??= await imports.EnsureAsync(run, from, to, cancellationToken);
                var result = await importer.ImportAsync(importId.Value, recording, cancellationToken);
                if (result.Outcome == ImportItemOutcome.Imported)
                {
                    tally.Repaired++;
                }

                tally.Note(ReconciliationTally.MissingMetadataKind, recording.Sid,
                    result.Outcome == ImportItemOutcome.Imported ? $"imported into import {importId}" : $"not imported: {result.Reason}");
            }

            uri = page.NextPageUri;
        }

        if (importId is { } id)
        {
            await imports.FinishAsync(id, error, cancellationToken);
        }

        return error;
    }

    /// <summary>The page's finished recordings that have no row (the provider's own id, for this provider).</summary>
    private async Task<List<TwilioRecordingInfo>> UnknownAsync(TwilioRecordingPage page, CancellationToken cancellationToken)
    {
        var completed = page.Recordings.Where(r => r.Status == "completed").ToList();
        if (completed.Count == 0)
        {
            return [];
        }

        var sids = completed.Select(r => r.Sid).ToList();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var known = await db.Recordings
            .Where(r => r.Provider == Provider && sids.Contains(r.ProviderRecordingId))
            .Select(r => r.ProviderRecordingId)
            .ToListAsync(cancellationToken);
        var knownSet = known.ToHashSet(StringComparer.Ordinal);
        return [.. completed.Where(r => !knownSet.Contains(r.Sid)).DistinctBy(r => r.Sid)];
    }
}
