namespace CallVault.Core.Vapi;

/// <summary>
/// The fields of a Vapi <c>end-of-call-report</c> that CallVault uses. Every string is kept as sent
/// (open enums); anything the report leaves out is null.
/// </summary>
public sealed record VapiEndOfCallReport(
    string CallId,
    string? CallType,
    string? CallStatus,
    string? PhoneCallProviderId,
    string? CustomerNumber,
    string? PhoneNumber,
    DateTime? StartedAt,
    DateTime? EndedAt,
    double? DurationSeconds,
    string? EndedReason,
    string? Transcript,
    IReadOnlyList<VapiArtifactMessage> Messages,
    string? Summary,
    VapiRecordingUrl? Recording)
{
    public const string MessageType = "end-of-call-report";

    /// <summary>
    /// The Twilio-style direction of the call: <c>inbound</c> for <c>inboundPhoneCall</c>,
    /// <c>outbound-api</c> for <c>outboundPhoneCall</c>, the Vapi type itself otherwise (e.g. <c>webCall</c>).
    /// </summary>
    public string? Direction => CallType switch
    {
        "inboundPhoneCall" => "inbound",
        "outboundPhoneCall" => "outbound-api",
        _ => CallType,
    };

    /// <summary>The caller: the customer on inbound calls, the Vapi number on outbound ones.</summary>
    public string? From => CallType == "outboundPhoneCall" ? PhoneNumber : CustomerNumber;

    /// <summary>The called party: the Vapi number on inbound calls, the customer on outbound ones.</summary>
    public string? To => CallType == "outboundPhoneCall" ? CustomerNumber : PhoneNumber;
}
