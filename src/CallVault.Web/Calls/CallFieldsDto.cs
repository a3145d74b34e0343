using System.Linq.Expressions;
using CallVault.Core.Calls;

namespace CallVault.Web.Calls;

/// <summary>
/// A call's own fields (SPEC §4), the same in a list item (<see cref="CallListItemDto"/>) and in the detail (<see cref="CallDto"/>),
/// which differ on purpose in what they carry about the call's recordings. One mapping serves both: lists read exactly these
/// columns through <see cref="Projection"/>, the detail maps the call it loaded with the same expression.
/// </summary>
public record CallFieldsDto(
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
    RecordingStartDto? RecordingStart)
{
    /// <summary>The call's fields as a query projection: no other column is read.</summary>
    internal static readonly Expression<Func<Call, CallFieldsDto>> Projection = c => new CallFieldsDto(
        c.Id, c.Provider, c.ProviderCallId, c.Direction, c.From, c.To, c.Status, c.StartedAt, c.EndedAt, c.DurationSeconds, c.RecordingMissing,
        c.RecordingStartStatus == null
            ? null
            : new RecordingStartDto(c.Id, c.RecordingStartStatus, c.RecordingStartDetail, c.RecordingStartRecordingSid, c.RecordingStartUpdatedAt));

    private static readonly Func<Call, CallFieldsDto> Map = Projection.Compile();

    public static CallFieldsDto FromEntity(Call call) => Map(call);
}
