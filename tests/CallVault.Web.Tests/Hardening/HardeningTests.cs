using System.Net;
using System.Net.Http.Json;
using System.Text;
using CallVault.Simulator;
using CallVault.Web.Tests.Auth;
using CallVault.Web.Tests.TestSupport;

namespace CallVault.Web.Tests.Hardening;

public sealed class HardeningTests
{
    [Fact]
    public async Task ApiKey_OverItsRate_Gets429ProblemWithRetryAfter_OtherKeysUnaffected()
    {
        await using var host = await CallVaultTestHost.StartAsync(simulator: null, new Dictionary<string, string?>
        {
            ["CallVault:RateLimits:ApiPerSecond"] = "1",
            ["CallVault:RateLimits:ApiBurst"] = "5",
        });
        var key = await ApiKeyTests.CreateKeyAsync(host.Api, "greedy", "viewer");
        using var greedy = ApiKeyTests.Client(host, key);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 20 && limited is null; i++)
        {
            var response = await greedy.GetAsync("/api/calls");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
            else
            {
                response.Dispose();
            }
        }

        using var admin = await host.Api.GetAsync("/api/calls");

        Assert.NotNull(limited);
        Assert.True(limited!.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        limited.Dispose();
    }

    [Fact]
    public async Task SignedWebhooks_BurstAtDefaultLimits_AllAccepted()
    {
        await using var s = await Scenario.StartAsync();
        var calls = Enumerable.Range(0, 300).Select(_ => s.Simulator.CreateCall(new CallSpec { DurationSeconds = 5 })).ToList();

        var statuses = await Task.WhenAll(calls.Select(async c =>
        {
            using var response = await s.Sender.SendCallStatusAsync(s.CallStatusWebhook, c.Parent, "completed", 1, CancellationToken.None);
            return response.StatusCode;
        }));

        Assert.All(statuses, status => Assert.True((int)status is >= 200 and < 300, status.ToString()));
    }

    [Fact]
    public async Task Responses_CarrySecurityHeaders()
    {
        await using var host = await CallVaultTestHost.StartAsync(simulator: null, mapExtra: SignInEndpoint.Map);

        using var health = await host.Anonymous.GetAsync("/healthz");
        using var page = await host.Anonymous.GetAsync(SignInEndpoint.PagePath);

        foreach (var response in new[] { health, page })
        {
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task JsonBody_OverTheRouteLimit_Is413AndNothingCreated()
    {
        await using var host = await CallVaultTestHost.StartAsync(simulator: null);
        var json = "{\"name\":\"big\",\"role\":\"viewer\",\"padding\":\"" + new string('x', 100 * 1024) + "\"}";

        using var response = await host.Api.PostAsync("/api/keys", new StringContent(json, Encoding.UTF8, "application/json"));
        var keys = await host.Api.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/keys");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, keys.GetArrayLength());
    }

    [Fact]
    public async Task MediaOnPrivateAddress_RefusedUnlessAllowed_NothingFetched()
    {
        await using var s = await Scenario.StartAsync(new Dictionary<string, string?>
        {
            ["CallVault:Outbound:AllowPrivateAddresses"] = "false",
            ["CallVault:Matching:UseProviderApi"] = "false",
        });
        var recording = s.NewRecording(seconds: 2, channels: 1);

        using var _ = await s.SendCompletedAsync(recording);
        var failed = await RecordingJson.WaitForStatusAsync(s.Host.Api, recording.Sid, TimeSpan.FromSeconds(30), "failed");

        Assert.Contains("private or local addresses", failed.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(0, s.Simulator.Stats.MediaRequests);
        Assert.Empty(s.Host.StoredFiles());
    }
}
