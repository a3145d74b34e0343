
namespace CallVault.Web.Tests.TestSupport;

/// <summary>
/// A strict parser for the Prometheus text exposition format 0.0.4: every family declared once
/// with HELP and TYPE before its samples, samples of a family together, valid names, label
/// escapes and numbers, no duplicate series, counters not negative, histograms with ascending
/// buckets, cumulative counts, a +Inf bucket equal to _count, and _sum/_count present.
/// Throws <see cref="FormatException"/> naming the line on any violation.
/// </summary>
internal static class PrometheusTextParser
{
    public static PrometheusText Parse(string text)
    {
        if (text.Length > 0 && !text.EndsWith('\n'))
        {
            throw new FormatException("the exposition does not end with a line feed");
        }

        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var helps = new HashSet<string>(StringComparer.Ordinal);
        var finished = new HashSet<string>(StringComparer.Ordinal);
        var samples = new Dictionary<string, double>(StringComparer.Ordinal);
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
                var meta = PrometheusLineSyntax.MetaLine().Match(line);
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

                    PrometheusLineSyntax.Unescape(meta.Groups["rest"].Value, allowQuote: true, where);
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

            var sample = PrometheusLineSyntax.SampleLine().Match(line);
            if (!sample.Success)
            {
                throw new FormatException($"{where}: not a sample line");
            }

            var name = sample.Groups["name"].Value;
            var labels = PrometheusLineSyntax.ParseLabels(sample.Groups["labels"].Value, where);
            var value = PrometheusLineSyntax.ParseNumber(sample.Groups["value"].Value, where);
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
                    var series = PrometheusText.Key(owner, labels.Where(l => l.Key != "le"));
                    if (le is null)
                    {
                        throw new FormatException($"{where}: bucket without le");
                    }

                    (histograms.TryGetValue(series, out var buckets) ? buckets : histograms[series] = []).Add((PrometheusLineSyntax.ParseNumber(le, where), value));
                }
                else if (le is not null || (name != owner + "_sum" && name != owner + "_count"))
                {
                    throw new FormatException($"{where}: unexpected histogram sample");
                }
            }

            if (!samples.TryAdd(PrometheusText.Key(name, labels), value))
            {
                throw new FormatException($"{where}: duplicate series");
            }
        }

        foreach (var (series, buckets) in histograms)
        {
            CheckHistogram(samples, series, buckets);
        }

        return new PrometheusText(types, samples);
    }

    private static void CheckHistogram(Dictionary<string, double> samples, string series, List<(double Le, double Count)> buckets)
    {
        for (var i = 1; i < buckets.Count; i++)
        {
            if (buckets[i].Le <= buckets[i - 1].Le || buckets[i].Count < buckets[i - 1].Count)
            {
                throw new FormatException($"{series}: buckets not ascending or not cumulative");
            }
        }

        var family = PrometheusText.SampleName(series);
        var labelPart = series[family.Length..];
        if (buckets.Count == 0 || !double.IsPositiveInfinity(buckets[^1].Le)
            || !samples.TryGetValue(family + "_count" + labelPart, out var count) || count != buckets[^1].Count
            || !samples.ContainsKey(family + "_sum" + labelPart))
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
}
