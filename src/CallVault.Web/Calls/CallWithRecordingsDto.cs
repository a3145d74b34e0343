using System.Text.Json.Serialization;

namespace CallVault.Web.Calls;

/// <summary>
/// A call's own fields, then its legs and its recordings as <typeparamref name="TRecording"/>: in full in the detail
/// (<see cref="CallDto"/>), in short in lists (<see cref="CallListItemDto"/>).
/// </summary>
public abstract record CallWithRecordingsDto<TRecording> : CallFieldsDto
{
    protected CallWithRecordingsDto(CallFieldsDto call, IReadOnlyList<CallLegDto> legs, IReadOnlyList<TRecording> recordings)
        : base(call)
    {
        Legs = legs;
        Recordings = recordings;
    }

    // After the call's own fields in the JSON (the serializer writes a derived type's properties first otherwise).
    [JsonPropertyOrder(1)]
    public IReadOnlyList<CallLegDto> Legs { get; }

    [JsonPropertyOrder(1)]
    public IReadOnlyList<TRecording> Recordings { get; }
}
