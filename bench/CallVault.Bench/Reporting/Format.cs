using System.Globalization;

namespace CallVault.Bench.Reporting;

/// <summary>Number formatting for reports (invariant culture).</summary>
internal static class Format
{
    public static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.0} GiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.0} MiB"),
    };

    public static string Ms(double milliseconds) => string.Create(CultureInfo.InvariantCulture, $"{milliseconds:0.0} ms");

    public static string Seconds(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:0.00} s");

    public static string Number(double value, string pattern = "0") => value.ToString(pattern, CultureInfo.InvariantCulture);
}
