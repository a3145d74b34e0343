namespace CallVault.Bench.Scenarios.Queries;

/// <summary>
/// Draws ranks 0..n-1 with probability proportional to 1/(rank + 1 + q)^s (Zipf–Mandelbrot): a few numbers
/// call very often, most call once or twice. The offset q keeps the busiest caller plausible (hundreds or a
/// few thousand calls in a million, not a tenth of them).
/// </summary>
internal sealed class ZipfSampler
{
    private readonly double[] _cumulative;

    public ZipfSampler(int n, double s = 1.0, double q = 50)
    {
        _cumulative = new double[n];
        var sum = 0.0;
        for (var k = 0; k < n; k++)
        {
            sum += 1.0 / Math.Pow(k + 1 + q, s);
            _cumulative[k] = sum;
        }

        for (var k = 0; k < n; k++)
        {
            _cumulative[k] /= sum;
        }
    }

    public int Next(Random random)
    {
        var index = Array.BinarySearch(_cumulative, random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, _cumulative.Length - 1);
    }
}
