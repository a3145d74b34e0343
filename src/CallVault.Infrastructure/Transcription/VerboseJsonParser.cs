using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using CallVault.Core.Transcripts;

namespace CallVault.Infrastructure.Transcription;

/// <summary>
/// Reads OpenAI's <c>verbose_json</c> transcription: <c>segments[]</c> with <c>start</c>, <c>end</c> (seconds)
/// and <c>text</c>; a server that sends only <c>text</c> gives one segment over <c>duration</c>.
/// </summary>
internal static class VerboseJsonParser
{
    public static bool TryParse(JsonElement root, [NotNullWhen(true)] out IReadOnlyList<TranscriptSegment>? segments, [NotNullWhen(false)] out string? error)
    {
        segments = null;
        error = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            error = "the transcription answer is not a JSON object";
            return false;
        }

        if (root.TryGetProperty("segments", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            List<TranscriptSegment> parsed = [];
            foreach (var item in list.EnumerateArray())
            {
                if (!TryNumber(item, "start", out var start) || !TryNumber(item, "end", out var end)
                    || !item.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
                {
                    error = "a transcription segment lacks start, end or text";
                    return false;
                }

                parsed.Add(new TranscriptSegment(start, Math.Max(start, end), null, null, text.GetString()!.Trim()));
            }

            segments = parsed;
            return true;
        }

        if (root.TryGetProperty("text", out var whole) && whole.ValueKind == JsonValueKind.String)
        {
            var duration = TryNumber(root, "duration", out var d) ? d : 0;
            segments = string.IsNullOrWhiteSpace(whole.GetString()) ? [] : [new TranscriptSegment(0, duration, null, null, whole.GetString()!.Trim())];
            return true;
        }

        error = "the transcription answer has neither segments nor text (response_format verbose_json expected)";
        return false;
    }

    private static bool TryNumber(JsonElement item, string name, out double value)
    {
        value = 0;
        return item.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out value)
            && double.IsFinite(value) && value >= 0;
    }
}
