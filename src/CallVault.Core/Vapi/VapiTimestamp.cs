using System.Globalization;

namespace CallVault.Core.Vapi;

/// <summary>
/// The HMAC timestamp header: Unix seconds, Unix milliseconds (13 digits and more) or an ISO 8601
/// date, all accepted, because the format is the sender's configuration.
/// </summary>
public static class VapiTimestamp
{
    private const long MillisecondsThreshold = 100_000_000_000;

    public static bool TryParse(string? text, out DateTimeOffset timestamp)
    {
        timestamp = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            try
            {
                timestamp = number >= MillisecondsThreshold
                    ? DateTimeOffset.FromUnixTimeMilliseconds(number)
                    : DateTimeOffset.FromUnixTimeSeconds(number);
                return true;
            }
            catch (ArgumentOutOfRangeException)
            {
                return false;
            }
        }

        return trimmed.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out timestamp);
    }

    /// <summary>True when <paramref name="timestamp"/> is within <paramref name="tolerance"/> of <paramref name="now"/>, either side.</summary>
    public static bool IsFresh(DateTimeOffset timestamp, DateTimeOffset now, TimeSpan tolerance) =>
        (now - timestamp).Duration() <= tolerance;
}
