using System.Text.RegularExpressions;

namespace CallVault.Core.Phones;

/// <summary>Full phone numbers stay out of Information logs: only the last four digits remain.</summary>
public static partial class PhoneRedaction
{
    public static string Redact(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : Digits().Replace(text, m => "…" + m.Value[^4..]);

    /// <summary>Six or more digits in a row, with an optional leading +: a phone number, not a count or a year.</summary>
    [GeneratedRegex(@"\+?\d{6,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Digits();
}
