using System.Text.Json;

namespace CallVault.Web.Dashboard;

/// <summary>
/// A recording's transcript and summary as the page shows them, read from the API shape
/// (<c>transcript.segments[]</c> {start, end, channel, speaker, text}; <c>summary.text</c>).
/// </summary>
internal sealed record TranscriptView(string? Engine, string? Text, IReadOnlyList<TranscriptSegmentView> Segments, string? Summary)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public bool HasTranscript => Segments.Count > 0 || !string.IsNullOrWhiteSpace(Text);

    public static TranscriptView From(object? transcript, object? summary)
    {
        var t = ToElement(transcript);
        var s = ToElement(summary);
        var segments = new List<TranscriptSegmentView>();
        if (t is { } tv && tv.TryGetProperty("segments", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                segments.Add(new TranscriptSegmentView(
                    Number(item, "start"), Number(item, "end"),
                    item.TryGetProperty("channel", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32() : null,
                    StringOf(item, "speaker"), StringOf(item, "text") ?? string.Empty));
            }
        }

        return new TranscriptView(t is { } e ? StringOf(e, "engine") : null, t is { } x ? StringOf(x, "text") : null, segments, s is { } sv ? StringOf(sv, "text") : null);
    }

    private static JsonElement? ToElement(object? value) => value switch
    {
        null => null,
        JsonElement element when element.ValueKind == JsonValueKind.Object => element,
        JsonElement => null,
        _ => JsonSerializer.SerializeToElement(value, value.GetType(), Json) is { ValueKind: JsonValueKind.Object } e ? e : null,
    };

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : 0;
}
