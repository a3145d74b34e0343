using System.Globalization;
using System.Text.Json;
using CallVault.Core.Twilio;

namespace CallVault.Infrastructure.Twilio;

/// <summary>One recording as Twilio's Recordings API lists it.</summary>
public sealed record TwilioRecordingInfo(
    string Sid,
    string? CallSid,
    string? Status,
    int? DurationSeconds,
    int? Channels,
    string? Source,
    DateTime? StartTime,
    DateTime? DateCreated,
    string RawJson)
{
    /// <summary>Null when the element is not a recording (no valid SID).</summary>
    public static TwilioRecordingInfo? Parse(JsonElement item)
    {
        string? Text(string name) => item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        int? Number(string name) => item.TryGetProperty(name, out var v)
            ? v.ValueKind switch
            {
                JsonValueKind.Number when v.TryGetInt32(out var n) => n,
                JsonValueKind.String when int.TryParse(v.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s) => s,
                _ => null,
            }
            : null;

        var sid = Text("sid");
        if (!TwilioSid.IsValid(sid, TwilioSid.Recording))
        {
            return null;
        }

        var callSid = Text("call_sid");
        var duration = Number("duration");
        return new TwilioRecordingInfo(
            sid!,
            TwilioSid.IsValid(callSid, TwilioSid.Call) ? callSid : null,
            Text("status"),
            duration is >= 0 ? duration : null,
            Number("channels"),
            Text("source"),
            TwilioDate.Parse(Text("start_time")),
            TwilioDate.Parse(Text("date_created")),
            item.GetRawText());
    }
}
