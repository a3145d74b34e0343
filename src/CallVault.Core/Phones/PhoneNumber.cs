namespace CallVault.Core.Phones;

/// <summary>
/// Numbers are stored in E.164 (<c>+</c> and up to 15 digits) wherever that is possible, so the
/// same person is found whichever way a provider wrote the number. Client and SIP endpoints
/// (<c>client:agent</c>, <c>sip:…</c>) are kept as they are.
/// </summary>
public static class PhoneNumber
{
    /// <summary>The default country calling code applied to national numbers (NANP: 10 digits).</summary>
    public const string DefaultCountryCode = "1";

    public static string? Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var text = raw.Trim();
        if (text.Contains(':', StringComparison.Ordinal))
        {
            // client:name, sip:user@host — not a phone number.
            return text;
        }

        var digits = new string([.. text.Where(char.IsAsciiDigit)]);
        var international = text.StartsWith('+') || text.StartsWith("00", StringComparison.Ordinal);
        if (text.StartsWith("00", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }

        if (digits.Length == 0 || text.Any(c => char.IsAsciiLetter(c)))
        {
            return text;
        }

        if (!international)
        {
            digits = digits.Length switch
            {
                10 => DefaultCountryCode + digits,
                11 when digits.StartsWith(DefaultCountryCode, StringComparison.Ordinal) => digits,
                _ => digits,
            };
        }

        return digits.Length is >= 7 and <= 15 ? "+" + digits : text;
    }
}
