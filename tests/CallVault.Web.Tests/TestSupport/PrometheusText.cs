namespace CallVault.Web.Tests.TestSupport;

/// <summary>
/// A scraped <c>/metrics</c> exposition, parsed strictly by <see cref="PrometheusTextParser"/>, and the
/// lookups tests make on it: one series, a sum over labels, a rise since an earlier scrape.
/// </summary>
internal sealed class PrometheusText
{
    private readonly Dictionary<string, double> _samples;

    internal PrometheusText(Dictionary<string, string> types, Dictionary<string, double> samples)
    {
        Types = types;
        _samples = samples;
    }

    /// <summary>Family name → counter, gauge, histogram, summary or untyped.</summary>
    public IReadOnlyDictionary<string, string> Types { get; }

    /// <summary>The sample with exactly these labels (histogram buckets need <c>le</c>), or null.</summary>
    public double? Value(string name, params (string Key, string Value)[] labels) =>
        _samples.TryGetValue(Key(name, labels.Select(l => new KeyValuePair<string, string>(l.Key, l.Value))), out var v) ? v : null;

    /// <summary>Sum of every sample of that name whose labels include the given ones.</summary>
    public double Sum(string name, params (string Key, string Value)[] labels) =>
        _samples.Where(s => SampleName(s.Key) == name && labels.All(l => s.Key.Contains($"{l.Key}=\"{l.Value}\"", StringComparison.Ordinal))).Sum(s => s.Value);

    /// <summary>How much the sample rose since <paramref name="before"/> (a missing sample counts as 0).</summary>
    public double Since(PrometheusText before, string name, params (string Key, string Value)[] labels) =>
        (Value(name, labels) ?? 0) - (before.Value(name, labels) ?? 0);

    /// <summary>GET /metrics through <paramref name="client"/>, parsed strictly.</summary>
    public static async Task<PrometheusText> ScrapeAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Parses an exposition; throws <see cref="FormatException"/> naming the line on any violation.</summary>
    public static PrometheusText Parse(string text) => PrometheusTextParser.Parse(text);

    /// <summary>A series' key: its name and its labels in ordinal order, e.g. <c>x_total{a="1",b="2"}</c>.</summary>
    internal static string Key(string name, IEnumerable<KeyValuePair<string, string>> labels) =>
        name + "{" + string.Join(',', labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}=\"{l.Value}\"")) + "}";

    internal static string SampleName(string key) => key[..key.IndexOf('{', StringComparison.Ordinal)];
}
