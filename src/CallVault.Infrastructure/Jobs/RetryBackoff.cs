using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Jobs;

/// <summary>Exponential backoff with jitter: base · 2^(attempt−1), capped, then a random half to a full of it.</summary>
public sealed class RetryBackoff(IOptions<JobOptions> options, Random random)
{
    public TimeSpan Delay(int attempt)
    {
        var o = options.Value;
        var exponent = Math.Min(Math.Max(attempt - 1, 0), 30);
        var ceiling = Math.Min(o.BaseDelayMilliseconds * Math.Pow(2, exponent), o.MaxDelaySeconds * 1000.0);
        double jitter;
        lock (random)
        {
            jitter = random.NextDouble();
        }

        // Whole milliseconds: a retry time every database keeps exactly (PostgreSQL stores microseconds).
        return TimeSpan.FromMilliseconds(Math.Round(ceiling * (0.5 + (jitter / 2))));
    }
}
