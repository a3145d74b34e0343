using System.Globalization;

namespace CallVault.Core.Twilio;

/// <summary>Shared parsing rules for Twilio's form-encoded callbacks.</summary>
internal static partial class TwilioFormFields
{
    private const int MaxFieldLength = 256;

    public static bool TryGetSid(IReadOnlyDictionary<string, string> form, string name, string prefix, out string? sid, out string? error)
    {
        sid = form.GetValueOrDefault(name);
        if (string.IsNullOrEmpty(sid))
        {
            error = $"{name} is missing";
            return false;
        }

        if (!TwilioSid.IsValid(sid, prefix))
        {
            error = $"{name} is not a valid {prefix} SID";
            return false;
        }

        error = null;
        return true;
    }

    public static bool TryGetInt(IReadOnlyDictionary<string, string> form, string name, out int? value, out string? error)
    {
        value = null;
        error = null;
        var text = form.GetValueOrDefault(name);
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed >= 0)
        {
            value = parsed;
            return true;
        }

        error = $"{name} must be a non-negative whole number";
        return false;
    }

    /// <summary>Twilio sends RFC 2822 dates ("Tue, 10 Nov 2026 14:07:05 +0000"); ISO 8601 is accepted too.</summary>
    public static DateTime? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        string[] formats = ["ddd, dd MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm:ss zzz", "r", "o"];
        var normalized = NumericOffset().Replace(text.Trim(), "$1:$2");
        if (DateTimeOffset.TryParseExact(normalized, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var exact)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out exact))
        {
            return exact.UtcDateTime;
        }

        return null;
    }

    public static string? Limit(string? value) =>
        value is null ? null : value.Length <= MaxFieldLength ? value : value[..MaxFieldLength];

    [System.Text.RegularExpressions.GeneratedRegex(@"([+-]\d{2})(\d{2})$")]
    private static partial System.Text.RegularExpressions.Regex NumericOffset();
}
