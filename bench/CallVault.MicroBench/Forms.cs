namespace CallVault.MicroBench;

/// <summary>Webhook forms as Twilio sends them (field names and value shapes from its documentation).</summary>
internal static class Forms
{
    public static Dictionary<string, string> RecordingCompleted() => new(StringComparer.Ordinal)
    {
        ["AccountSid"] = "AC" + new string('a', 32),
        ["CallSid"] = "CA" + new string('b', 32),
        ["RecordingSid"] = "RE" + new string('c', 32),
        ["RecordingUrl"] = "https://api.twilio.com/2010-04-01/Accounts/AC" + new string('a', 32) + "/Recordings/RE" + new string('c', 32),
        ["RecordingStatus"] = "completed",
        ["RecordingDuration"] = "142",
        ["RecordingChannels"] = "2",
        ["RecordingStartTime"] = "Tue, 01 Dec 2026 13:05:12 +0000",
        ["RecordingSource"] = "DialVerb",
        ["RecordingTrack"] = "both",
        ["ErrorCode"] = "0",
        ["ParentCallSid"] = "CA" + new string('d', 32),
        ["ApiVersion"] = "2010-04-01",
    };

    public static Dictionary<string, string> CallStatusCompleted() => new(StringComparer.Ordinal)
    {
        ["AccountSid"] = "AC" + new string('a', 32),
        ["CallSid"] = "CA" + new string('b', 32),
        ["ParentCallSid"] = "CA" + new string('d', 32),
        ["CallStatus"] = "completed",
        ["Direction"] = "outbound-dial",
        ["From"] = "+15551230000",
        ["To"] = "client:agent07",
        ["CallDuration"] = "142",
        ["Duration"] = "3",
        ["SequenceNumber"] = "3",
        ["Timestamp"] = "Tue, 01 Dec 2026 13:07:40 +0000",
        ["CallbackSource"] = "call-progress-events",
        ["ApiVersion"] = "2010-04-01",
    };
}
