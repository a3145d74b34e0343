using System.Text.Json.Serialization;
using CallVault.Core.Recordings;
using CallVault.Web.Recordings;

namespace CallVault.Web.Calls;

/// <summary>
/// A call as lists show it (<c>GET /api/calls</c>, <c>GET /api/phones/{number}/calls</c>): the call's own fields,
/// its legs and a short view of its recordings. Transcripts, summaries and matching details are only in
/// <c>GET /api/calls/{id}</c> and <c>GET /api/recordings/{id}</c>, so a page stays small at any archive size.
/// </summary>
public sealed record CallListItemDto : CallWithRecordingsDto<RecordingListItemDto>
{
    public CallListItemDto(CallFieldsDto call, IReadOnlyList<CallLegDto> legs, IReadOnlyList<RecordingListItemDto> recordings, string? snippet = null)
        : base(call, legs, recordings)
    {
        Snippet = snippet;
    }

    [JsonPropertyOrder(2)]
    public string? Snippet { get; }
}

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
