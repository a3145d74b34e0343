using CallVault.Core.Recordings;
using CallVault.Web.Recordings;

namespace CallVault.Web.Calls;

/// <summary>
/// A call as lists show it (<c>GET /api/calls</c>, <c>GET /api/phones/{number}/calls</c>): the call's own fields,
/// its legs and a short view of its recordings. Transcripts, summaries and matching details are only in
/// <c>GET /api/calls/{id}</c> and <c>GET /api/recordings/{id}</c>, so a page stays small at any archive size.
/// </summary>
public sealed record CallListItemDto(
    Guid Id,
    string Provider,
    string ProviderCallId,
    string? Direction,
    string? From,
    string? To,
    string? Status,
    DateTime StartedAt,
    DateTime? EndedAt,
    int? DurationSeconds,
    bool RecordingMissing,
    RecordingStartDto? RecordingStart,
    IReadOnlyList<CallLegDto> Legs,
    IReadOnlyList<RecordingListItemDto> Recordings,
    string? Snippet = null);

/// <summary>A recording inside a list item: enough for a row (status, stages, length, format) and a link to the detail.</summary>
public sealed record RecordingListItemDto(
    Guid Id,
    RecordingStatus Status,
    double? DurationSeconds,
    double? ProviderDurationSeconds,
    string? Format,
    DateTime CreatedAt,
    DateTime? StoredAt,
    bool HasTranscript,
    bool HasSummary,
    IReadOnlyDictionary<string, StageDto> Stages);
