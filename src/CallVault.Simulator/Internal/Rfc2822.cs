using System.Globalization;

namespace CallVault.Simulator.Internal;

/// <summary>Twilio's date format: <c>Tue, 10 Nov 2026 14:07:05 +0000</c>, always UTC.</summary>
internal static class Rfc2822
{
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
}
