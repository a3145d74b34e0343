using System.Globalization;
using System.Text.Json;

namespace CallVault.Core.Vapi;

/// <summary>
/// Tolerant reads from a Vapi JSON message: a missing field, a field of another type or an empty
/// string is null, never an error (providers add and change fields).
/// </summary>
internal static class VapiJson
{
    public static JsonElement? Object(JsonElement parent, params string[] path)
    {
        var current = parent;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current.ValueKind == JsonValueKind.Object ? current : null;
    }

    public static string? Text(JsonElement parent, params string[] path)
    {
        var element = Value(parent, path);
        return element is { ValueKind: JsonValueKind.String } value && value.GetString() is { Length: > 0 } text ? text : null;
    }

    public static double? Number(JsonElement parent, params string[] path)
    {
        var element = Value(parent, path);
        return element is { ValueKind: JsonValueKind.Number } value && value.TryGetDouble(out var number) && double.IsFinite(number) ? number : null;
    }

    /// <summary>An ISO 8601 date as UTC; Vapi sends <c>2024-05-01T12:00:00.000Z</c>.</summary>
    public static DateTime? Date(JsonElement parent, params string[] path) =>
        DateTimeOffset.TryParse(Text(parent, path), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed.UtcDateTime
            : null;

    public static JsonElement? Array(JsonElement parent, params string[] path)
    {
        var element = Value(parent, path);
        return element is { ValueKind: JsonValueKind.Array } ? element : null;
    }

    private static JsonElement? Value(JsonElement parent, string[] path)
    {
        if (path.Length == 0)
        {
            return parent;
        }

        var container = path.Length == 1 ? parent : Object(parent, path[..^1]);
        return container is { ValueKind: JsonValueKind.Object } c && c.TryGetProperty(path[^1], out var value) ? value : null;
    }
}
