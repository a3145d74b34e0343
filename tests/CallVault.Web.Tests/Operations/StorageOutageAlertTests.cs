using System.Net.Http.Json;
using System.Text.Json;
using CallVault.Infrastructure.Alerts;
using CallVault.Web.Tests.TestSupport;

namespace CallVault.Web.Tests.Operations;

public sealed class StorageOutageAlertTests
{
    private const string Rule = AlertRuleNames.StoreFailureRate;

    [Fact]
    public async Task StorageOutage_StoresFailThenRecover_AlertRaisedOnceAndResolvedOnce()
    {
        await using var receiver = await AlertReceiver.StartAsync();
        await using var s = await Scenario.StartAsync(new Dictionary<string, string?>
        {
            ["CallVault:Alerts:WebhookUrl"] = receiver.Url.ToString(),
            ["CallVault:Alerts:IntervalSeconds"] = "1",
            ["CallVault:Alerts:WindowSeconds"] = "3",
            ["CallVault:Alerts:StoreMinAttempts"] = "3",
            // Retries outlast the outage, so the recordings store once storage is back.
            ["CallVault:Jobs:MaxAttempts"] = "100",
        });
        var before = await PrometheusText.ScrapeAsync(s.Host.Anonymous);
        BreakStorage(s.Host.StoragePath);
        var recordings = Enumerable.Range(0, 3).Select(_ => s.NewRecording(seconds: 2)).ToList();
        foreach (var recording in recordings)
        {
            using var response = await s.SendCompletedAsync(recording);
            Assert.True(response.IsSuccessStatusCode, $"callback answered {response.StatusCode}");
        }

        await Eventually.WaitAsync(() => Task.FromResult(receiver.Count(Rule, "firing")), n => n >= 1, TimeSpan.FromSeconds(60), "the failure-rate alert");
        var firing = await AlertsAsync(s.Host.Api, "firing");
        var open = Assert.Single(firing, a => a.GetProperty("rule").GetString() == Rule);
        Assert.Equal("critical", open.GetProperty("severity").GetString());
        Assert.True(open.GetProperty("value").GetDouble() > 0.01);
        // The operations page shows it too.
        var page = await s.Host.Api.GetStringAsync(new Uri("/operations", UriKind.Relative));
        Assert.Contains("<code>store-failure-rate</code>", page, StringComparison.Ordinal);
        // The outage goes on for a few more evaluations: still one message.
        await Eventually.WaitAsync(() => StoreAttemptsAsync(s), n => n >= 8, TimeSpan.FromSeconds(60), "more failed store attempts");

        // While the run goes on, /metrics shows the failing store attempts and nothing stored.
        var during = await PrometheusText.ScrapeAsync(s.Host.Anonymous);
        Assert.True(during.Since(before, "callvault_stage_runs_total", ("outcome", "retry"), ("stage", "store")) >= 5);
        Assert.Equal(0, during.Since(before, "callvault_recordings_stored_total"));

        RepairStorage(s.Host.StoragePath);
        foreach (var recording in recordings)
        {
            var stored = await RecordingJson.WaitForStatusAsync(s.Host.Api, recording.Sid, TimeSpan.FromSeconds(60), "stored");
            Assert.Equal("stored", stored.Status());
        }

        await Eventually.WaitAsync(() => Task.FromResult(receiver.Count(Rule, "resolved")), n => n >= 1, TimeSpan.FromSeconds(60), "the resolve message");
        var history = await Eventually.WaitAsync(() => AlertsAsync(s.Host.Api, null), a => a.Any(x => x.GetProperty("rule").GetString() == Rule
            && x.GetProperty("resolveSentAt").ValueKind != JsonValueKind.Null), TimeSpan.FromSeconds(30), "the delivered resolve on record");

        var after = await PrometheusText.ScrapeAsync(s.Host.Anonymous);
        Assert.Equal(3, after.Since(during, "callvault_recordings_stored_total"));
        Assert.Equal(3, after.Since(during, "callvault_stage_runs_total", ("outcome", "completed"), ("stage", "store")));
        Assert.Equal(1, receiver.Count(Rule, "firing"));
        Assert.Equal(1, receiver.Count(Rule, "resolved"));
        var alert = Assert.Single(history, a => a.GetProperty("rule").GetString() == Rule);
        Assert.Equal("resolved", alert.GetProperty("status").GetString());
        var raise = receiver.Messages.First(m => m.GetProperty("rule").GetString() == Rule);
        Assert.Contains("store-failure-rate", raise.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("storage writes failed", raise.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Empty(await AlertsAsync(s.Host.Api, "firing"));
    }

    [Fact]
    public async Task AlertsApi_WithoutKeyOrWithBadStatus_IsRefused()
    {
        // An empty webhook URL (compose passes an unset variable as empty) means none, not a start-up error.
        await using var host = await CallVaultTestHost.StartAsync(null, new Dictionary<string, string?> { ["CallVault:Alerts:WebhookUrl"] = "" });

        using var anonymous = await host.Anonymous.GetAsync(new Uri("/api/alerts", UriKind.Relative));
        using var badStatus = await host.Api.GetAsync(new Uri("/api/alerts?status=open", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Equal("application/problem+json", badStatus.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Root runs these tests, so permissions do not stop writes: a file where the storage folder should be does.</summary>
    private static void BreakStorage(string root)
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        File.WriteAllText(root, "storage outage");
    }

    private static void RepairStorage(string root) => File.Delete(root);

    private static async Task<int> StoreAttemptsAsync(Scenario s)
    {
        var rows = await s.Host.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.RecordingStages.Where(st => st.Stage == CallVault.Core.Recordings.StageName.Store).Select(st => st.Attempts)));
        return rows.Sum();
    }

    private static async Task<IReadOnlyList<JsonElement>> AlertsAsync(HttpClient api, string? status)
    {
        var body = await api.GetFromJsonAsync<JsonElement>(new Uri(status is null ? "/api/alerts" : $"/api/alerts?status={status}", UriKind.Relative));
        return [.. body.GetProperty("items").EnumerateArray()];
    }
}
