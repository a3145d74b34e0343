using CallVault.Core.Calls;
using CallVault.Core.Recordings;
using CallVault.Infrastructure.Persistence;
using CallVault.Web.Recordings;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Web.Calls;

/// <summary>
/// Builds <see cref="CallListItemDto"/>s from the columns a list shows, one query per table for the whole page:
/// no entity graphs, and never a transcript, segment or summary column.
/// </summary>
internal static class CallListItems
{
    /// <summary>The call's own columns, projected in the database (order and page the query before this).</summary>
    public static IQueryable<CallFieldsDto> Rows(IQueryable<Call> calls) => calls.Select(CallFieldsDto.Projection);

    /// <summary>The page's items in the order of <paramref name="calls"/>, with legs, recordings and stages.</summary>
    public static async Task<List<CallListItemDto>> LoadAsync(
        CallVaultDbContext db, IReadOnlyList<CallFieldsDto> calls, IReadOnlyDictionary<Guid, string>? snippets, CancellationToken cancellationToken)
    {
        if (calls.Count == 0)
        {
            return [];
        }

        var ids = calls.Select(c => c.Id).ToList();
        // Legs are narrow rows: loaded whole, mapped as the detail maps them.
        var legs = await db.CallLegs.AsNoTracking().Where(l => ids.Contains(l.CallId)).ToListAsync(cancellationToken);
        var recordings = await db.Recordings.AsNoTracking().Where(r => r.CallId != null && ids.Contains(r.CallId.Value))
            .Select(r => new
            {
                r.Id, r.CallId, r.Status, r.DurationSeconds, r.ProviderDurationSeconds, r.Format, r.CreatedAt, r.StoredAt,
                HasTranscript = r.TranscriptText != null, HasSummary = r.SummaryText != null,
            })
            .ToListAsync(cancellationToken);
        var recordingIds = recordings.Select(r => r.Id).ToList();
        var stages = recordingIds.Count == 0
            ? []
            : await db.RecordingStages.AsNoTracking().Where(s => recordingIds.Contains(s.RecordingId)).ToListAsync(cancellationToken);

        var legsByCall = legs.ToLookup(l => l.CallId);
        var stagesByRecording = stages.ToLookup(s => s.RecordingId);
        var recordingsByCall = recordings.ToLookup(r => r.CallId!.Value);
        return [.. calls.Select(c => new CallListItemDto(
            c,
            CallLegDto.InCallOrder(legsByCall[c.Id]),
            [.. recordingsByCall[c.Id].OrderBy(r => r.CreatedAt).Select(r =>
            {
                var own = stagesByRecording[r.Id].ToList();
                return new RecordingListItemDto(
                    r.Id, r.Status, r.DurationSeconds, r.ProviderDurationSeconds, r.Format, r.CreatedAt, r.StoredAt,
                    r.HasTranscript && Completed(own, StageName.Transcribe), r.HasSummary && Completed(own, StageName.Summarize), StageDto.ByName(own));
            })],
            snippets is not null && snippets.TryGetValue(c.Id, out var snippet) ? snippet : null))];
    }

    // The same rule as the detail's transcript and summary: shown once their stage completed.
    private static bool Completed(List<RecordingStage> stages, StageName stage) => stages.Exists(s => s.Stage == stage && s.Status == StageStatus.Completed);
}
