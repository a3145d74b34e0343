using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CallVault.Bench.Measurement;

namespace CallVault.Bench.Scenarios.Queries;

/// <summary>
/// Sends a kind's requests one after another over one keep-alive connection (a user clicking, not a load test),
/// timing each from send to the last byte of the body; the first requests warm the server and are not counted.
/// </summary>
internal static class QueryRunner
{
    public sealed record Outcome(QueryKind Kind, LatencyStats All, IReadOnlyDictionary<string, LatencyStats> ByVariant, int Errors, string? FirstError)
    {
        /// <summary>The server process's CPU time (all threads) while these requests ran.</summary>
        public TimeSpan ServerCpu { get; init; }
    }

    public static async Task<Outcome> RunAsync(HttpClient api, QueryKind kind, int warmup, int requests, CancellationToken cancellationToken)
    {
        var timings = new List<(string Variant, double Ms)>(requests);
        var errors = 0;
        string? firstError = null;
        for (var i = 0; i < warmup + requests; i++)
        {
            var request = kind.Request(i);
            var stopwatch = Stopwatch.StartNew();
            using var response = await api.GetAsync(request.Path, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var elapsed = stopwatch.Elapsed.TotalMilliseconds;
            if (i < warmup)
            {
                continue;
            }

            timings.Add((request.Variant, elapsed));
            if (response.StatusCode != HttpStatusCode.OK || !request.Check(JsonDocument.Parse(body).RootElement))
            {
                errors++;
                firstError ??= $"{request.Path} → {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(200, body.Length)))}";
            }
        }

        var byVariant = timings.GroupBy(t => t.Variant).ToDictionary(g => g.Key, g => new LatencyStats(g.Select(t => t.Ms)), StringComparer.Ordinal);
        return new Outcome(kind, new LatencyStats(timings.Select(t => t.Ms)), byVariant, errors, firstError);
    }
}
