using System.Globalization;
using System.Text.RegularExpressions;

namespace CallVault.Bench.Scenarios;

/// <summary>
/// Mean run time per pipeline stage, read from the server's own <c>/metrics</c>
/// (<c>callvault_stage_duration_seconds</c> sum and count): where a run's time went.
/// </summary>
internal static partial class StageTimes
{
    public static async Task<string> ReadAsync(Uri baseUrl, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        var text = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative), cancellationToken);
        var sums = new Dictionary<string, double>(StringComparer.Ordinal);
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (Match m in SeriesLine().Matches(text))
        {
            var stage = m.Groups["stage"].Value;
            var value = double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture);
            var into = m.Groups["part"].Value == "sum" ? sums : counts;
            into[stage] = into.GetValueOrDefault(stage) + value;
        }

        var parts = sums.Keys.Where(s => counts.GetValueOrDefault(s) > 0)
            .Select(s => $"{s} {sums[s] / counts[s] * 1000:0.0} ms × {counts[s]:0}");
        return string.Join(", ", parts);
    }

    [GeneratedRegex("""^callvault_stage_duration_seconds_(?<part>sum|count)\{[^}\n]*stage="(?<stage>[^"]+)"[^}\n]*\} (?<value>[0-9.eE+-]+)""", RegexOptions.Multiline)]
    private static partial Regex SeriesLine();
}
