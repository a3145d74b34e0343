using CallVault.Core.Twilio;

namespace CallVault.Infrastructure.Twilio;

/// <summary>
/// Builds the media URL from a callback's <c>RecordingUrl</c>, refusing any host other than the
/// configured API host: a webhook must never make CallVault fetch from where it says.
/// </summary>
public static class MediaUrlPolicy
{
    public static bool TryBuild(string? recordingUrl, TwilioOptions options, int? channels, out Uri? mediaUri, out string? error)
    {
        mediaUri = null;
        if (!Uri.TryCreate(recordingUrl, UriKind.Absolute, out var uri))
        {
            error = "RecordingUrl is not an absolute URL";
            return false;
        }

        if (!IsSameOrigin(uri, options.ApiBaseUrl))
        {
            error = $"RecordingUrl host '{uri.Host}' is not the configured Twilio API host";
            return false;
        }

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length != 5 || segments[0] != "2010-04-01" || segments[1] != "Accounts" || segments[3] != "Recordings"
            || !TwilioSid.IsValid(segments[2], TwilioSid.Account))
        {
            error = "RecordingUrl is not a Twilio recording URL";
            return false;
        }

        var recordingSid = segments[4].Split('.')[0];
        if (!TwilioSid.IsValid(recordingSid, TwilioSid.Recording))
        {
            error = "RecordingUrl does not name a recording SID";
            return false;
        }

        var builder = new UriBuilder(uri)
        {
            Path = $"/2010-04-01/Accounts/{segments[2]}/Recordings/{recordingSid}.{options.MediaFormat}",
            Query = channels == 2 ? "RequestedChannels=2" : string.Empty,
        };
        mediaUri = builder.Uri;
        error = null;
        return true;
    }

    public static bool IsSameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;
}
