using System.Diagnostics.Metrics;

namespace CallVault.Infrastructure.Observability;

/// <summary>Everything measured on one instrument, one series per label set.</summary>
internal sealed class MetricFamily
{
    private static readonly double[] DefaultBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Lock _gate = new();
    private readonly Dictionary<string, MetricSeries> _series = new(StringComparer.Ordinal);

    public MetricFamily(Instrument instrument)
    {
        Name = PrometheusNames.For(instrument);
        Help = instrument.Description ?? instrument.Name;
        Kind = KindOf(instrument);
        Bounds = Kind == MetricKind.Histogram ? BucketsOf(instrument) : [];
    }

    public string Name { get; }

    public string Help { get; }

    public MetricKind Kind { get; }

    public double[] Bounds { get; }

    /// <summary>Counters add; gauges and observable counters report the current value; histograms count into buckets.</summary>
    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = Labels(tags);
        var key = string.Join('\u0001', labels.Select(l => $"{l.Key}\u0002{l.Value}"));
        lock (_gate)
        {
            if (!_series.TryGetValue(key, out var series))
            {
                series = new MetricSeries(labels, Bounds.Length);
                _series[key] = series;
            }

            switch (Kind)
            {
                case MetricKind.Counter when !IsObserved:
                    series.Value += value;
                    break;
                case MetricKind.Histogram:
                    series.Observe(value, Bounds);
                    break;
                default:
                    series.Value = value;
                    break;
            }
        }
    }

    /// <summary>Observable instruments report their whole state at each collection.</summary>
    public bool IsObserved { get; init; }

    /// <summary>An observable instrument's label sets that are no longer reported disappear.</summary>
    public void ClearObserved()
    {
        if (IsObserved)
        {
            lock (_gate)
            {
                _series.Clear();
            }
        }
    }

    public IReadOnlyList<MetricSeries> Snapshot()
    {
        lock (_gate)
        {
            return [.. _series.Values.Select(s => s.Copy()).OrderBy(s => s.LabelText, StringComparer.Ordinal)];
        }
    }

    private static KeyValuePair<string, string>[] Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = new KeyValuePair<string, string>[tags.Length];
        for (var i = 0; i < tags.Length; i++)
        {
            labels[i] = new(PrometheusNames.Sanitize(tags[i].Key), Convert.ToString(tags[i].Value, System.Globalization.CultureInfo.InvariantCulture) ?? "");
        }

        Array.Sort(labels, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return labels;
    }

    private static MetricKind KindOf(Instrument instrument)
    {
        var type = instrument.GetType();
        var definition = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        if (definition == typeof(Histogram<>))
        {
            return MetricKind.Histogram;
        }

        return PrometheusNames.IsCounter(instrument) ? MetricKind.Counter : MetricKind.Gauge;
    }

    private static double[] BucketsOf(Instrument instrument) => instrument switch
    {
        Histogram<double> { Advice.HistogramBucketBoundaries: { } b } => [.. b],
        Histogram<long> { Advice.HistogramBucketBoundaries: { } b } => [.. b.Select(v => (double)v)],
        Histogram<int> { Advice.HistogramBucketBoundaries: { } b } => [.. b.Select(v => (double)v)],
        _ => DefaultBuckets,
    };
}
