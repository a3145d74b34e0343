using System.Globalization;
using System.Text;

namespace CallVault.Infrastructure.Observability;

/// <summary>Prometheus text exposition format 0.0.4: HELP, TYPE, then one line per sample.</summary>
public static class PrometheusTextWriter
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(PrometheusCollector collector)
    {
        var text = new StringBuilder();
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (family, series) in collector.Collect())
        {
            // Two instruments mapping to one name would make the output invalid: the first wins.
            if (!written.Add(family.Name))
            {
                continue;
            }

            text.Append("# HELP ").Append(family.Name).Append(' ').Append(EscapeHelp(family.Help)).Append('\n');
            text.Append("# TYPE ").Append(family.Name).Append(' ').Append(family.Kind.ToString().ToLowerInvariant()).Append('\n');
            foreach (var s in series)
            {
                if (family.Kind == MetricKind.Histogram)
                {
                    WriteHistogram(text, family, s);
                }
                else
                {
                    Sample(text, family.Name, s.Labels, null, s.Value);
                }
            }
        }

        return text.ToString();
    }

    private static void WriteHistogram(StringBuilder text, MetricFamily family, MetricSeries s)
    {
        long cumulative = 0;
        for (var i = 0; i < s.Buckets.Length; i++)
        {
            cumulative += s.Buckets[i];
            var le = i < family.Bounds.Length ? Number(family.Bounds[i]) : "+Inf";
            Sample(text, family.Name + "_bucket", s.Labels, le, cumulative);
        }

        Sample(text, family.Name + "_sum", s.Labels, null, s.Sum);
        Sample(text, family.Name + "_count", s.Labels, null, s.Count);
    }

    private static void Sample(StringBuilder text, string name, KeyValuePair<string, string>[] labels, string? le, double value)
    {
        text.Append(name);
        if (labels.Length > 0 || le is not null)
        {
            text.Append('{');
            var first = true;
            foreach (var (key, labelValue) in labels)
            {
                text.Append(first ? "" : ",").Append(key).Append("=\"").Append(EscapeLabel(labelValue)).Append('"');
                first = false;
            }

            if (le is not null)
            {
                text.Append(first ? "" : ",").Append("le=\"").Append(le).Append('"');
            }

            text.Append('}');
        }

        text.Append(' ').Append(Number(value)).Append('\n');
    }

    private static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static string EscapeHelp(string help) => help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string EscapeLabel(string value) => EscapeHelp(value).Replace("\"", "\\\"", StringComparison.Ordinal);
}
