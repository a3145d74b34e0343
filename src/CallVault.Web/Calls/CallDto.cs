using CallVault.Core.Calls;
using CallVault.Core.Recordings;
using CallVault.Web.Recordings;

namespace CallVault.Web.Calls;

/// <summary>A call with its legs and recordings in full (SPEC §4): <c>GET /api/calls/{id}</c>.</summary>
public sealed record CallDto : CallWithRecordingsDto<RecordingDto>
{
    public CallDto(CallFieldsDto call, IReadOnlyList<CallLegDto> legs, IReadOnlyList<RecordingDto> recordings)
        : base(call, legs, recordings)
    {
    }

    public static CallDto FromEntity(Call c, IEnumerable<Recording> recordings) =>
        new(CallFieldsDto.FromEntity(c), CallLegDto.InCallOrder(c.Legs), [.. recordings.Select(RecordingDto.FromEntity)]);
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

    /// <summary>The parent leg first, then child legs as they were created.</summary>
    public static IReadOnlyList<CallLegDto> InCallOrder(IEnumerable<CallLeg> legs) =>
        [.. legs.OrderBy(l => l.ParentProviderCallId is not null).ThenBy(l => l.CreatedAt).Select(FromEntity)];
}
