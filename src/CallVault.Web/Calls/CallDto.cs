using CallVault.Core.Calls;
using CallVault.Core.Recordings;
using CallVault.Web.Recordings;

namespace CallVault.Web.Calls;

/// <summary>A call with its legs and recordings (SPEC §4).</summary>
public sealed record CallDto(
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
    IReadOnlyList<RecordingDto> Recordings)
{
    public static CallDto FromEntity(Call c, IEnumerable<Recording> recordings) => new(
        c.Id, c.Provider, c.ProviderCallId, c.Direction, c.From, c.To, c.Status, c.StartedAt, c.EndedAt, c.DurationSeconds,
        c.RecordingMissing,
        c.RecordingStartStatus is null ? null : new RecordingStartDto(c.Id, c.RecordingStartStatus, c.RecordingStartDetail, c.RecordingStartRecordingSid, c.RecordingStartUpdatedAt),
        [.. c.Legs.OrderBy(l => l.ParentProviderCallId is not null).ThenBy(l => l.CreatedAt).Select(CallLegDto.FromEntity)],
        [.. recordings.Select(RecordingDto.FromEntity)]);
}

public sealed record CallLegDto(
    string ProviderCallId,
    string? ParentProviderCallId,
    string? Direction,
    string? From,
    string? To,
    string? Status,
    int? DurationSeconds,
    DateTime? StartedAt,
    DateTime? EndedAt)
{
    public static CallLegDto FromEntity(CallLeg l) => new(
        l.ProviderCallId, l.ParentProviderCallId, l.Direction, l.From, l.To, l.Status, l.DurationSeconds, l.StartedAt, l.EndedAt);
}
