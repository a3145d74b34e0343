using CallVault.Bench.Measurement;

namespace CallVault.Bench.Load;

/// <summary>What one load run saw from the client side.</summary>
internal sealed record LoadResult(
    int Sent,
    int Succeeded,
    int Errors,
    TimeSpan Elapsed,
    LatencyStats Latency,
    IReadOnlyList<int> AcknowledgedIndexes,
    bool RanOutOfRequests,
    string? FirstError,
    DateTime StartedUtc,
    DateTime EndedUtc)
{
    /// <summary>2xx answers per second.</summary>
    public double Throughput => Succeeded / Elapsed.TotalSeconds;
}
