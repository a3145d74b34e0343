using System.Text.Json;

namespace CallVault.Core.Vapi;

/// <summary>
/// The recording URL of an end-of-call report, newest field first (PROVIDERS.md): the stereo URL
/// gives two channels (customer and assistant apart), every other field one.
/// </summary>
/// <param name="Url">The URL as sent; it may be presigned and expire, so it is fetched right away.</param>
/// <param name="Channels">2 for a stereo recording, otherwise 1.</param>
/// <param name="Field">The JSON path it came from, for the record.</param>
public sealed record VapiRecordingUrl(string Url, int Channels, string Field)
{
    private static readonly (string[] Path, int Channels)[] Candidates =
    [
        (["artifact", "recording", "stereoUrl"], 2),
        (["artifact", "recording", "mono", "combinedUrl"], 1),
        (["artifact", "stereoRecordingUrl"], 2),
        (["artifact", "recordingUrl"], 1),
        (["recordingUrl"], 1),
    ];

    /// <summary>The first URL present under <c>message</c>, or null when the report has none.</summary>
    public static VapiRecordingUrl? Choose(JsonElement message)
    {
        foreach (var (path, channels) in Candidates)
        {
            if (VapiJson.Text(message, path) is { } url && !string.IsNullOrWhiteSpace(url))
            {
                return new VapiRecordingUrl(url.Trim(), channels, "message." + string.Join('.', path));
            }
        }

        return null;
    }
}
