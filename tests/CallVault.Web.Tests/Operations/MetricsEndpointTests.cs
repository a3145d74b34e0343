using System.Net;
using CallVault.Simulator;
using CallVault.Web.Tests.TestSupport;

namespace CallVault.Web.Tests.Operations;

public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_WebhooksAndAStoredRecording_CountersAndStageHistogramsMove()
    {
        // Database gauges read afresh on every scrape, so the second scrape sees the stored recording.
        await using var s = await Scenario.StartAsync(new Dictionary<string, string?> { ["CallVault:Metrics:GaugeCacheSeconds"] = "0" });
        var before = await ScrapeAsync(s.Host.Anonymous);
        var recording = s.NewRecording();

        using (var accepted = await s.SendCompletedAsync(recording))
        {
            Assert.True(accepted.IsSuccessStatusCode);
        }

        var forger = new TwilioCallbackSender(new HttpClient(), "not-the-auth-token");
        using (var forged = await forger.SendRecordingStatusAsync(s.RecordingWebhook, s.NewRecording(), "completed", s.Simulator.AccountSid, CancellationToken.None))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        }

        await RecordingJson.WaitForStatusAsync(s.Host.Api, recording.Sid, TimeSpan.FromSeconds(60), "stored");
        var after = await ScrapeAsync(s.Host.Anonymous);

        Assert.Equal("counter", after.Types["callvault_webhooks_total"]);
        Assert.Equal(1, Delta(before, after, "callvault_webhooks_total", ("outcome", "accepted"), ("provider", "twilio"), ("type", "recording")));
        Assert.Equal(1, Delta(before, after, "callvault_webhooks_total", ("outcome", "signature_failed"), ("provider", "twilio"), ("type", "recording")));
        Assert.Equal("histogram", after.Types["callvault_stage_duration_seconds"]);
        foreach (var stage in new[] { "download", "validate", "store" })
        {
            Assert.True(after.Value("callvault_stage_duration_seconds_count", ("outcome", "completed"), ("stage", stage)) >= 1, $"no {stage} duration sample");
            Assert.True(after.Value("callvault_stage_duration_seconds_bucket", ("le", "+Inf"), ("outcome", "completed"), ("stage", stage)) >= 1);
            Assert.True(after.Value("callvault_stage_duration_seconds_sum", ("outcome", "completed"), ("stage", stage)) > 0);
        }

        Assert.True(after.Sum("callvault_recordings_stored_total") >= 1);
        Assert.Equal(1d, after.Value("callvault_recordings", ("status", "stored")));
        Assert.Equal(1d, after.Sum("callvault_recording_matches"));
        Assert.Equal(0d, after.Value("callvault_jobs", ("state", "dead")));
        Assert.NotNull(after.Value("callvault_jobs", ("state", "pending")));
        Assert.Equal(1d, after.Value("callvault_metrics_database_up"));
        Assert.Equal("gauge", after.Types["callvault_orphan_objects"]);
    }

    [Fact]
    public async Task Metrics_RequireAuthConfigured_RefusesAnonymousAndServesAKey()
    {
        await using var host = await CallVaultTestHost.StartAsync(null, new Dictionary<string, string?> { ["CallVault:Metrics:RequireAuth"] = "true" });

        using var anonymous = await host.Anonymous.GetAsync(new Uri("/metrics", UriKind.Relative));
        using var withKey = await host.Api.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
        PrometheusText.Parse(await withKey.Content.ReadAsStringAsync());
    }

    [Fact]
    public void PrometheusText_MalformedExposition_IsRejected()
    {
        // The parser the tests rely on must itself refuse what a Prometheus server would.
        Assert.Throws<FormatException>(() => PrometheusText.Parse("callvault_x 1\n"));
        Assert.Throws<FormatException>(() => PrometheusText.Parse("# TYPE a counter\na{l=\"x} 1\n"));
        Assert.Throws<FormatException>(() => PrometheusText.Parse("# TYPE a counter\na 1\na 2\n"));
        Assert.Throws<FormatException>(() => PrometheusText.Parse("# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_count 1\n"));
        Assert.Throws<FormatException>(() => PrometheusText.Parse("# TYPE a gauge\na 1\n# TYPE b gauge\nb 1\na{x=\"1\"} 2\n"));
        PrometheusText.Parse("# HELP a A \"quoted\" help\\n.\n# TYPE a gauge\na{x=\"q\\\"\"} 1.5\n");
    }

    private static async Task<PrometheusText> ScrapeAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        Assert.Contains("version=0.0.4", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        return PrometheusText.Parse(await response.Content.ReadAsStringAsync());
    }

    private static double Delta(PrometheusText before, PrometheusText after, string name, params (string, string)[] labels) =>
        (after.Value(name, labels) ?? 0) - (before.Value(name, labels) ?? 0);
}
