using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace CallVault.Infrastructure.Media;

/// <summary>
/// Reads the JSON of <c>ffprobe -print_format json -show_streams -show_format</c>. Pure: no process, no
/// file; tested on stored ffprobe output. Anything unexpected is a reason, never an exception.
/// </summary>
internal static class FfprobeOutputParser
{
    public static bool TryParse(string json, [NotNullWhen(true)] out MediaProbe? probe, [NotNullWhen(false)] out string? error)
    {
        probe = null;
        try
        {
            using var document = JsonDocument.Parse(json);
            return TryRead(document.RootElement, out probe, out error);
        }
        catch (JsonException ex)
        {
            error = $"ffprobe output is not JSON: {ex.Message}";
            return false;
        }
    }

    private static bool TryRead(JsonElement root, [NotNullWhen(true)] out MediaProbe? probe, [NotNullWhen(false)] out string? error)
    {
        probe = null;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("streams", out var streams) || streams.ValueKind != JsonValueKind.Array)
        {
            error = "ffprobe found no streams";
            return false;
        }

        var audio = streams.EnumerateArray().FirstOrDefault(s => String(s, "codec_type") == "audio");
        if (audio.ValueKind != JsonValueKind.Object)
        {
            error = "ffprobe found no audio stream";
            return false;
        }

        var codec = String(audio, "codec_name");
        var channels = Number(audio, "channels");
        if (codec is null || channels is not > 0)
        {
            error = "ffprobe reported an audio stream without codec or channels";
            return false;
        }

        var format = root.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.Object ? f : default;
        var formatName = format.ValueKind == JsonValueKind.Object ? String(format, "format_name") : null;
        var duration = (format.ValueKind == JsonValueKind.Object ? Number(format, "duration") : null) ?? Number(audio, "duration");
        probe = new MediaProbe(formatName ?? string.Empty, codec, (int)channels, (int)(Number(audio, "sample_rate") ?? 0), duration);
        error = null;
        return true;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>ffprobe writes some numbers as JSON numbers (channels) and others as strings (sample_rate, duration).</summary>
    private static double? Number(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDouble(out var n) && double.IsFinite(n) => n,
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && double.IsFinite(s) => s,
            _ => null,
        };
    }
}
