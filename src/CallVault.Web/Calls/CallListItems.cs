using System.Text.Json;
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
    public static IQueryable<CallRow> Rows(IQueryable<Call> calls) => calls.Select(c => new CallRow(
        c.Id, c.Provider, c.ProviderCallId, c.Direction, c.From, c.To, c.Status, c.StartedAt, c.EndedAt, c.DurationSeconds, c.RecordingMissing,
        c.RecordingStartStatus, c.RecordingStartDetail, c.RecordingStartRecordingSid, c.RecordingStartUpdatedAt));

    /// <summary>The page's items in the order of <paramref name="calls"/>, with legs, recordings and stages.</summary>
    public static async Task<List<CallListItemDto>> LoadAsync(
        CallVaultDbContext db, IReadOnlyList<CallRow> calls, IReadOnlyDictionary<Guid, string>? snippets, CancellationToken cancellationToken)
    {
        if (calls.Count == 0)
        {
            return [];
        }

        var ids = calls.Select(c => c.Id).ToList();
        var legs = await db.CallLegs.AsNoTracking().Where(l => ids.Contains(l.CallId))
            .Select(l => new { l.CallId, l.ProviderCallId, l.ParentProviderCallId, l.Direction, l.From, l.To, l.Status, l.DurationSeconds, l.StartedAt, l.EndedAt, l.CreatedAt })
            .ToListAsync(cancellationToken);
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
            c.Id, c.Provider, c.ProviderCallId, c.Direction, c.From, c.To, c.Status, c.StartedAt, c.EndedAt, c.DurationSeconds, c.RecordingMissing,
            c.RecordingStartStatus is null ? null : new RecordingStartDto(c.Id, c.RecordingStartStatus, c.RecordingStartDetail, c.RecordingStartRecordingSid, c.RecordingStartUpdatedAt),
            [.. legsByCall[c.Id].OrderBy(l => l.ParentProviderCallId is not null).ThenBy(l => l.CreatedAt)
                .Select(l => new CallLegDto(l.ProviderCallId, l.ParentProviderCallId, l.Direction, l.From, l.To, l.Status, l.DurationSeconds, l.StartedAt, l.EndedAt))],
            [.. recordingsByCall[c.Id].OrderBy(r => r.CreatedAt).Select(r =>
            {
                var own = stagesByRecording[r.Id].OrderBy(s => s.Stage).ToList();
                return new RecordingListItemDto(
                    r.Id, r.Status, r.DurationSeconds, r.ProviderDurationSeconds, r.Format, r.CreatedAt, r.StoredAt,
                    r.HasTranscript && Completed(own, StageName.Transcribe), r.HasSummary && Completed(own, StageName.Summarize),
                    own.ToDictionary(s => JsonNamingPolicy.CamelCase.ConvertName(s.Stage.ToString()), s => new StageDto(s.Status, s.Attempts, s.LastError, s.UpdatedAt)));
            })],
            snippets is not null && snippets.TryGetValue(c.Id, out var snippet) ? snippet : null))];
    }

    // The same rule as the detail's transcript and summary: shown once their stage completed.
    private static bool Completed(List<RecordingStage> stages, StageName stage) => stages.Exists(s => s.Stage == stage && s.Status == StageStatus.Completed);

    internal sealed record CallRow(
        Guid Id, string Provider, string ProviderCallId, string? Direction, string? From, string? To, string? Status, DateTime StartedAt, DateTime? EndedAt,
        int? DurationSeconds, bool RecordingMissing, string? RecordingStartStatus, string? RecordingStartDetail, string? RecordingStartRecordingSid,
        DateTime? RecordingStartUpdatedAt);
}
