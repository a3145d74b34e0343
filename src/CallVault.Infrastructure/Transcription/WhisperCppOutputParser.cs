using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CallVault.Core.Transcripts;

namespace CallVault.Infrastructure.Transcription;

/// <summary>
/// Reads the JSON whisper.cpp writes with <c>-oj</c>: <c>transcription[]</c>, each with <c>offsets.from</c>
/// and <c>offsets.to</c> in milliseconds and <c>text</c>. Markers of no speech (<c>[BLANK_AUDIO]</c>,
/// <c>(silence)</c>) are dropped. whisper.cpp can split a multi-byte character between tokens, so bytes
/// that are not UTF-8 become U+FFFD instead of failing the whole transcript.
/// </summary>
internal static partial class WhisperCppOutputParser
{
    public static bool TryParse(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out IReadOnlyList<TranscriptSegment>? segments, [NotNullWhen(false)] out string? error)
    {
        segments = null;
        error = null;
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(Encoding.UTF8.GetString(utf8));
        }
        catch (JsonException)
        {
            error = "whisper.cpp wrote output that is not JSON";
            return false;
        }

        using (json)
        {
            if (json.RootElement.ValueKind != JsonValueKind.Object
                || !json.RootElement.TryGetProperty("transcription", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                error = "whisper.cpp output has no transcription list";
                return false;
            }

            List<TranscriptSegment> parsed = [];
            foreach (var item in list.EnumerateArray())
            {
                if (!TryOffsets(item, out var from, out var to) || !item.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
                {
                    error = "a whisper.cpp segment lacks offsets or text";
                    return false;
                }

                var words = text.GetString()!.Trim();
                if (words.Length > 0 && !NoSpeechMarker().IsMatch(words))
                {
                    parsed.Add(new TranscriptSegment(from / 1000.0, Math.Max(from, to) / 1000.0, null, null, words));
                }
            }

            segments = parsed;
            return true;
        }
    }

    private static bool TryOffsets(JsonElement item, out long from, out long to)
    {
        from = to = 0;
        return item.TryGetProperty("offsets", out var offsets) && offsets.ValueKind == JsonValueKind.Object
            && offsets.TryGetProperty("from", out var f) && f.ValueKind == JsonValueKind.Number && f.TryGetInt64(out from) && from >= 0
            && offsets.TryGetProperty("to", out var t) && t.ValueKind == JsonValueKind.Number && t.TryGetInt64(out to);
    }

    [GeneratedRegex(@"^[\[\(][^\]\)]*[\]\)]$")]
    private static partial Regex NoSpeechMarker();
}
