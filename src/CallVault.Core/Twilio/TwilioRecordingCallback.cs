using System.Globalization;

namespace CallVault.Core.Twilio;

/// <summary>The fields of a Twilio recording status callback that CallVault uses.</summary>
public sealed record TwilioRecordingCallback(
    string AccountSid,
    string CallSid,
    string RecordingSid,
    string RecordingStatus,
    string? RecordingUrl,
    int? DurationSeconds,
    int? Channels,
    DateTime? StartTime,
    string? Source,
    string? Track,
    string? ErrorCode)
{
    public static bool TryParse(IReadOnlyDictionary<string, string> form, out TwilioRecordingCallback? callback, out string? error)
    {
        callback = null;
        if (!TwilioFormFields.TryGetSid(form, "AccountSid", TwilioSid.Account, out var account, out error)
            || !TwilioFormFields.TryGetSid(form, "CallSid", TwilioSid.Call, out var call, out error)
            || !TwilioFormFields.TryGetSid(form, "RecordingSid", TwilioSid.Recording, out var recording, out error))
        {
            return false;
        }

        var status = form.GetValueOrDefault("RecordingStatus");
        if (string.IsNullOrWhiteSpace(status) || status.Length > 64)
        {
            error = "RecordingStatus is missing";
            return false;
        }

        var url = form.GetValueOrDefault("RecordingUrl");
        if (status == "completed" && !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            error = "RecordingUrl is missing or not an absolute URL";
            return false;
        }

        if (!TwilioFormFields.TryGetInt(form, "RecordingDuration", out var duration, out error)
            || !TwilioFormFields.TryGetInt(form, "RecordingChannels", out var channels, out error))
        {
            return false;
        }

        if (channels is < 1 or > 2)
        {
            error = "RecordingChannels must be 1 or 2";
            return false;
        }

        callback = new TwilioRecordingCallback(
            account!, call!, recording!, status, url, duration, channels,
            TwilioDate.Parse(form.GetValueOrDefault("RecordingStartTime")),
            TwilioFormFields.Limit(form.GetValueOrDefault("RecordingSource")),
            TwilioFormFields.Limit(form.GetValueOrDefault("RecordingTrack")),
            TwilioFormFields.Limit(form.GetValueOrDefault("ErrorCode")));
        return true;
    }

    public string DurationText => DurationSeconds?.ToString(CultureInfo.InvariantCulture) ?? "?";
}
