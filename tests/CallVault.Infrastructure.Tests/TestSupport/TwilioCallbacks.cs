using CallVault.Core.Twilio;
using CallVault.Infrastructure.Ingestion;

namespace CallVault.Infrastructure.Tests.TestSupport;

/// <summary>Ingest commands for hand-made Twilio callbacks (no simulator needed).</summary>
internal static class TwilioCallbacks
{
    public static readonly string AccountSid = TestSids.Account();

    public static TwilioRecordingEvent Recording(string callSid, string recordingSid, string status = "completed", int? channels = 1, string? errorCode = null)
    {
        var url = $"https://api.twilio.com/2010-04-01/Accounts/{AccountSid}/Recordings/{recordingSid}";
        var callback = new TwilioRecordingCallback(
            AccountSid, callSid, recordingSid, status, url,
            DurationSeconds: status == "completed" ? 5 : null,
            Channels: channels,
            StartTime: TestServices.Start.UtcDateTime,
            Source: "DialVerb",
            Track: "both",
            ErrorCode: errorCode);
        return new TwilioRecordingEvent(callback, $"RecordingSid={recordingSid}&RecordingStatus={status}");
    }

    public static TwilioCallStatusEvent CallStatus(
        string callSid, string status, int sequence, string? parentCallSid = null, string direction = "inbound",
        string from = "+14155550100", string to = "+14155550199", DateTime? timestamp = null)
    {
        var callback = new TwilioCallStatusCallback(
            AccountSid, callSid, parentCallSid, status, direction, from, to,
            DurationSeconds: status == "completed" ? 42 : null,
            Timestamp: timestamp ?? TestServices.Start.UtcDateTime,
            SequenceNumber: sequence);
        return new TwilioCallStatusEvent(callback, $"CallSid={callSid}&CallStatus={status}&SequenceNumber={sequence}");
    }
}
