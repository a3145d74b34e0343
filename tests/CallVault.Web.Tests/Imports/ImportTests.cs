using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallVault.Simulator;
using CallVault.Web.Tests.TestSupport;

namespace CallVault.Web.Tests.Imports;

/// <summary>
/// Backfill from the simulator's Recordings list over real HTTP: counts, idempotence, paging and
/// injected list errors, and a visible failure when the list cannot be read.
/// </summary>
public sealed class ImportTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private static Dictionary<string, string?> SmallPages(int pageSize) => new() { ["CallVault:Imports:PageSize"] = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    private static List<SimulatedRecording> AddRecordings(Scenario s, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => s.NewRecording(seconds: 1, channels: 1))];

    [Fact]
    public async Task Import_ThirteenOfThreeHundredKnownByWebhook_Imports287AndSkips13_SecondImportsNothing()
    {
        await using var s = await Scenario.StartAsync(SmallPages(50));
        var recordings = AddRecordings(s, 300);
        foreach (var recording in recordings.Take(13))
        {
            using var response = await s.SendCompletedAsync(recording);
            Assert.True(response.IsSuccessStatusCode);
        }

        foreach (var recording in recordings.Take(13))
        {
            await RecordingJson.WaitForStatusAsync(s.Host.Api, recording.Sid, Timeout, "stored");
        }

        var (from, to) = ImportApi.AroundToday();
        var first = await ImportApi.RunAsync(s.Host.Api, from, to, Timeout);
        var second = await ImportApi.RunAsync(s.Host.Api, from, to, Timeout);

        Assert.Equal("completed", first.GetProperty("status").GetString());
        Assert.Equal((300, 287, 13, 0), ImportApi.Counts(first));
        Assert.Equal(6, first.GetProperty("pages").GetInt32());
        Assert.NotNull(first.GetProperty("finishedAt").GetString());
        Assert.Equal("completed", second.GetProperty("status").GetString());
        Assert.Equal((300, 0, 300, 0), ImportApi.Counts(second));
        var recordingsInDb = await s.Host.QueryAsync(db => Task.FromResult(db.Recordings.Count()));
        Assert.Equal(300, recordingsInDb);
    }

    [Fact]
    public async Task Import_TwentyPercentListErrors_SameCounts()
    {
        await using var s = await Scenario.StartAsync(SmallPages(20));
        var recordings = AddRecordings(s, 150);
        foreach (var recording in recordings.Take(5))
        {
            using var response = await s.SendCompletedAsync(recording);
            Assert.True(response.IsSuccessStatusCode);
        }

        s.Simulator.Faults.ListErrorRate = 0.2;
        var (from, to) = ImportApi.AroundToday();
        var import = await ImportApi.RunAsync(s.Host.Api, from, to, Timeout);

        Assert.True(s.Simulator.Stats.ListErrorsInjected > 0, "some list requests answered 429/5xx");
        Assert.Equal("completed", import.GetProperty("status").GetString());
        Assert.Equal((150, 145, 5, 0), ImportApi.Counts(import));
    }

    [Fact]
    public async Task Import_ListRefused_FailsVisiblyWithTheReason()
    {
        await using var s = await Scenario.StartAsync();
        AddRecordings(s, 3);
        // Another account: the list answers 401/404, which no retry can fix.
        s.Host.SetSetting("CallVault:Twilio:AccountSid", "AC" + new string('0', 32));

        var (from, to) = ImportApi.AroundToday();
        var import = await ImportApi.RunAsync(s.Host.Api, from, to, Timeout);

        Assert.Equal("failed", import.GetProperty("status").GetString());
        Assert.Contains("the Recordings list answered 4", import.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.NotNull(import.GetProperty("finishedAt").GetString());
    }

    [Theory]
    [InlineData("vapi", "2026-01-01", "2026-02-01")]
    [InlineData("twilio", "2026-13-01", "2026-02-01")]
    [InlineData("twilio", "2026-01-01", "yesterday")]
    [InlineData("twilio", "2026-02-01", "2026-01-01")]
    [InlineData("twilio", "2025-01-01", "2026-01-02")]
    [InlineData("twilio", null, "2026-01-02")]
    public async Task Start_InvalidRequest_400ProblemDetails(string? provider, string? from, string? to)
    {
        await using var s = await Scenario.StartAsync();

        using var response = await s.Host.Api.PostAsJsonAsync("/api/imports", new { provider, from, to });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Imports_UnknownIdNotFound_NoKeyUnauthorized_ListNewestFirst()
    {
        await using var s = await Scenario.StartAsync();
        var (from, to) = ImportApi.AroundToday();
        var older = await ImportApi.RunAsync(s.Host.Api, from, to, Timeout);
        var newer = await ImportApi.RunAsync(s.Host.Api, from, to, Timeout);

        using var missing = await s.Host.Api.GetAsync($"/api/imports/{Guid.NewGuid()}");
        using var anonymous = await s.Host.Anonymous.PostAsJsonAsync("/api/imports", new { provider = "twilio", from, to });
        var list = await s.Host.Api.GetFromJsonAsync<JsonElement>("/api/imports?limit=10");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        string[] expected = [newer.GetProperty("id").GetString()!, older.GetProperty("id").GetString()!];
        Assert.Equal(expected, list.EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToArray());
        Assert.Equal((0, 0, 0, 0), ImportApi.Counts(newer));
    }

    [Fact]
    public async Task Start_TwilioNotConfigured_503()
    {
        await using var host = await CallVaultTestHost.StartAsync(simulator: null);

        using var response = await host.Api.PostAsJsonAsync("/api/imports", new { provider = "twilio", from = "2026-01-01", to = "2026-01-31" });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
