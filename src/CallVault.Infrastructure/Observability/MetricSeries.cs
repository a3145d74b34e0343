namespace CallVault.Infrastructure.Observability;

/// <summary>One label set's value (counter, gauge) or bucket counts (histogram); guarded by its family.</summary>
internal sealed class MetricSeries(KeyValuePair<string, string>[] labels, int bucketCount)
{
    public KeyValuePair<string, string>[] Labels { get; } = labels;

    public string LabelText { get; } = string.Join(',', labels.Select(l => $"{l.Key}={l.Value}"));

    public double Value { get; set; }

    /// <summary>Per-bucket (not cumulative) counts; the last slot is above every bound (+Inf).</summary>
    public long[] Buckets { get; private init; } = new long[bucketCount + 1];

    public double Sum { get; private set; }

    public long Count { get; private set; }

    public void Observe(double value, double[] bounds)
    {
        var i = 0;
        while (i < bounds.Length && value > bounds[i])
        {
            i++;
        }

        Buckets[i]++;
        Sum += value;
        Count++;
    }

    public MetricSeries Copy() => new(Labels, Buckets.Length - 1)
    {
        Value = Value,
        Buckets = (long[])Buckets.Clone(),
        Sum = Sum,
        Count = Count,
    };
}
