using System.Globalization;
using System.Text.RegularExpressions;

namespace CallVault.Core.Twilio;

/// <summary>Twilio writes dates in RFC 2822 ("Tue, 10 Nov 2026 14:07:05 +0000"); ISO 8601 is accepted too.</summary>
public static partial class TwilioDate
{
    private static readonly string[] Formats = ["ddd, dd MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm:ss zzz", "r", "o"];

    /// <summary>The instant in UTC, or null when the text is not a date.</summary>
    public static DateTime? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var normalized = NumericOffset().Replace(text.Trim(), "$1:$2");
        if (DateTimeOffset.TryParseExact(normalized, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var exact)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out exact))
        {
            return exact.UtcDateTime;
        }

        return null;
    }

    [GeneratedRegex(@"([+-]\d{2})(\d{2})$")]
    private static partial Regex NumericOffset();
}
