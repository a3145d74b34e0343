using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CallVault.Web.Tests.TestSupport;

/// <summary>
/// A strict parser for the Prometheus text exposition format 0.0.4: every family declared once
/// with HELP and TYPE before its samples, samples of a family together, valid names, label
/// escapes and numbers, no duplicate series, counters not negative, histograms with ascending
/// buckets, cumulative counts, a +Inf bucket equal to _count, and _sum/_count present.
/// Throws <see cref="FormatException"/> naming the line on any violation.
/// </summary>
internal sealed partial class PrometheusText
{
    private readonly Dictionary<string, double> _samples = new(StringComparer.Ordinal);

    private PrometheusText(Dictionary<string, string> types) => Types = types;

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

    public static PrometheusText Parse(string text)
    {
        if (text.Length > 0 && !text.EndsWith('\n'))
        {
            throw new FormatException("the exposition does not end with a line feed");
        }

        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var helps = new HashSet<string>(StringComparer.Ordinal);
        var finished = new HashSet<string>(StringComparer.Ordinal);
        var result = new PrometheusText(types);
        var histograms = new Dictionary<string, List<(double Le, double Count)>>(StringComparer.Ordinal);
        string? current = null;
        var lines = text.Split('\n');
        for (var n = 0; n < lines.Length - 1; n++)
        {
            var line = lines[n];
            var where = $"line {n + 1} ({line})";
            if (line.Length == 0)
            {
                throw new FormatException($"{where}: empty line");
            }

            if (line.StartsWith('#'))
            {
                var meta = MetaLine().Match(line);
                if (!meta.Success)
                {
                    continue;
                }

                var family = meta.Groups["name"].Value;
                Switch(ref current, family, finished, where);
                if (meta.Groups["kind"].Value == "HELP")
                {
                    if (!helps.Add(family) || types.ContainsKey(family))
                    {
                        throw new FormatException($"{where}: HELP repeated or after TYPE");
                    }

                    Unescape(meta.Groups["rest"].Value, allowQuote: true, where);
                }
                else
                {
                    var type = meta.Groups["rest"].Value;
                    if (type is not ("counter" or "gauge" or "histogram" or "summary" or "untyped") || !types.TryAdd(family, type))
                    {
                        throw new FormatException($"{where}: bad or repeated TYPE");
                    }
                }

                continue;
            }

            var sample = SampleLine().Match(line);
            if (!sample.Success)
            {
                throw new FormatException($"{where}: not a sample line");
            }

            var name = sample.Groups["name"].Value;
            var labels = ParseLabels(sample.Groups["labels"].Value, where);
            var value = ParseNumber(sample.Groups["value"].Value, where);
            var owner = FamilyOf(name, types) ?? throw new FormatException($"{where}: sample before its TYPE");
            Switch(ref current, owner, finished, where);
            var type2 = types[owner];
            if (type2 == "counter" && (value < 0 || name != owner))
            {
                throw new FormatException($"{where}: counter sample must be named as its family and not negative");
            }

            if (type2 == "histogram")
            {
                var le = labels.FirstOrDefault(l => l.Key == "le").Value;
                if (name == owner + "_bucket")
                {
                    var series = Key(owner, labels.Where(l => l.Key != "le"));
                    if (le is null)
                    {
                        throw new FormatException($"{where}: bucket without le");
                    }

                    (histograms.TryGetValue(series, out var buckets) ? buckets : histograms[series] = []).Add((ParseNumber(le, where), value));
                }
                else if (le is not null || (name != owner + "_sum" && name != owner + "_count"))
                {
                    throw new FormatException($"{where}: unexpected histogram sample");
                }
            }

            if (!result._samples.TryAdd(Key(name, labels), value))
            {
                throw new FormatException($"{where}: duplicate series");
            }
        }

        foreach (var (series, buckets) in histograms)
        {
            CheckHistogram(result, series, buckets);
        }

        return result;
    }

    private static void CheckHistogram(PrometheusText result, string series, List<(double Le, double Count)> buckets)
    {
        for (var i = 1; i < buckets.Count; i++)
        {
            if (buckets[i].Le <= buckets[i - 1].Le || buckets[i].Count < buckets[i - 1].Count)
            {
                throw new FormatException($"{series}: buckets not ascending or not cumulative");
            }
        }

        var family = SampleName(series);
        var labelPart = series[family.Length..];
        if (buckets.Count == 0 || !double.IsPositiveInfinity(buckets[^1].Le)
            || !result._samples.TryGetValue(family + "_count" + labelPart, out var count) || count != buckets[^1].Count
            || !result._samples.ContainsKey(family + "_sum" + labelPart))
        {
            throw new FormatException($"{series}: +Inf bucket, _count and _sum missing or inconsistent");
        }
    }

    private static void Switch(ref string? current, string family, HashSet<string> finished, string where)
    {
        if (current == family)
        {
            return;
        }

        if (current is not null)
        {
            finished.Add(current);
        }

        if (finished.Contains(family))
        {
            throw new FormatException($"{where}: family {family} continues after another one");
        }

        current = family;
    }

    private static string? FamilyOf(string sample, Dictionary<string, string> types)
    {
        if (types.ContainsKey(sample))
        {
            return sample;
        }

        foreach (var suffix in new[] { "_bucket", "_sum", "_count" })
        {
            if (sample.EndsWith(suffix, StringComparison.Ordinal) && types.TryGetValue(sample[..^suffix.Length], out var type) && type is "histogram" or "summary")
            {
                return sample[..^suffix.Length];
            }
        }

        return null;
    }

    private static List<KeyValuePair<string, string>> ParseLabels(string text, string where)
    {
        var labels = new List<KeyValuePair<string, string>>();
        var position = 0;
        while (position < text.Length)
        {
            var label = LabelPair().Match(text, position);
            if (!label.Success || label.Index != position)
            {
                throw new FormatException($"{where}: malformed labels");
            }

            var key = label.Groups["key"].Value;
            if (labels.Any(l => l.Key == key))
            {
                throw new FormatException($"{where}: label {key} repeated");
            }

            labels.Add(new(key, Unescape(label.Groups["value"].Value, allowQuote: false, where)));
            position += label.Length;
            if (position < text.Length)
            {
                if (text[position] != ',')
                {
                    throw new FormatException($"{where}: labels not separated by commas");
                }

                position++;
            }
        }

        return labels;
    }

    private static string Unescape(string text, bool allowQuote, string where)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '"' && !allowQuote))
            {
                throw new FormatException($"{where}: unescaped character");
            }

            if (text[i] != '\\')
            {
                builder.Append(text[i]);
                continue;
            }

            if (++i >= text.Length)
            {
                throw new FormatException($"{where}: dangling backslash");
            }

            builder.Append(text[i] switch
            {
                '\\' => '\\',
                'n' => '\n',
                '"' when !allowQuote => '"',
                _ => throw new FormatException($"{where}: unknown escape \\{text[i]}"),
            });
        }

        return builder.ToString();
    }

    private static double ParseNumber(string text, string where) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) => v,
        _ => throw new FormatException($"{where}: bad number {text}"),
    };

    private static string Key(string name, IEnumerable<KeyValuePair<string, string>> labels) =>
        name + "{" + string.Join(',', labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}=\"{l.Value}\"")) + "}";

    private static string SampleName(string key) => key[..key.IndexOf('{', StringComparison.Ordinal)];

    [GeneratedRegex(@"^# (?<kind>HELP|TYPE) (?<name>[a-zA-Z_:][a-zA-Z0-9_:]*) (?<rest>.*)$")]
    private static partial Regex MetaLine();

    // Label values are quoted and may hold any character, braces included (a route such as "/api/x/{id:guid}").
    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>(?:[^""}]|""(?:\\.|[^""\\])*"")*)\})? (?<value>\S+)( -?\d+)?$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(\\.|[^""\\])*)""")]
    private static partial Regex LabelPair();
}
