using System.Collections.Concurrent;
using System.Net;
using CallVault.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Web.Tests.Hostile;

/// <summary>
/// One CallVault server (and its simulator) for one class of hostile requests: rate limits out of the way,
/// one attempt per job, a Vapi secret and a voice dial target configured so every webhook is live. Sends
/// requests eight at a time, each on its own connection, and keeps every answer's status.
/// </summary>
public sealed class HostileHost : IAsyncLifetime
{
    private Scenario? _scenario;

    public Scenario Scenario => _scenario ?? throw new InvalidOperationException("Not started.");

    public CallVaultTestHost Host => Scenario.Host;

    public async Task InitializeAsync()
    {
        var settings = VapiRequests.Settings("secret-header");
        settings["CallVault:RateLimits:ApiPerSecond"] = "1000000";
        settings["CallVault:RateLimits:ApiBurst"] = "1000000";
        settings["CallVault:Jobs:MaxAttempts"] = "1";
        // Configured, so a signed voice call is answered (an unconfigured feature rightly answers 503).
        settings["CallVault:Voice:DialTarget"] = "client:agent";
        _scenario = await Scenario.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        if (_scenario is not null)
        {
            await _scenario.DisposeAsync();
        }
    }

    /// <summary>Sends every request and returns what was sent with the status it got.</summary>
    public async Task<IReadOnlyCollection<(string What, int Status)>> SendAsync(IEnumerable<Func<HttpRequestMessage>> requests)
    {
        using var http = new HttpClient { BaseAddress = Host.BaseUrl };
        var results = new ConcurrentBag<(string What, int Status)>();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (make, ct) =>
        {
            using var request = make();
            // One connection per request: the server rightly closes a connection after refusing a request
            // whose body it did not read, and a pooled connection caught closing would fail the next request.
            request.Headers.ConnectionClose = true;
            var what = $"{request.Method} {request.RequestUri} [{request.Content?.Headers.ContentType}]";
            var oversized = request.Content?.Headers.ContentLength > 64 * 1024;
            try
            {
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
                results.Add((what, (int)response.StatusCode));
            }
            catch (HttpRequestException) when (oversized)
            {
                // The server may answer 413/401 and close while a huge body is still being sent.
                results.Add((what, 413));
            }
            catch (HttpRequestException ex)
            {
                throw new HttpRequestException($"{what}: no complete answer", ex);
            }
        });
        return results;
    }

    /// <summary>No request got a 5xx, and the server still answers its health check.</summary>
    public async Task AssertNoServerErrorAndStillUpAsync(IReadOnlyCollection<(string What, int Status)> results)
    {
        var serverErrors = results.Where(r => r.Status >= 500).Select(r => $"{r.Status} {r.What}").Distinct().Take(20).ToList();
        Assert.True(serverErrors.Count == 0, "5xx answers:\n" + string.Join('\n', serverErrors));
        using var http = new HttpClient { BaseAddress = Host.BaseUrl };
        using var health = await http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    public async Task<(int Events, int Calls, int Recordings, int Files)> StoredCountsAsync() => (
        await Host.QueryAsync(db => db.InboundEvents.CountAsync()),
        await Host.QueryAsync(db => db.Calls.CountAsync()),
        await Host.QueryAsync(db => db.Recordings.CountAsync()),
        Host.StoredFiles().Count);
}
