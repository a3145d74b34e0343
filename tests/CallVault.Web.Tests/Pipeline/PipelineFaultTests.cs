using System.Security.Cryptography;
using CallVault.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Web.Tests.Pipeline;

public sealed class PipelineFaultTests
{
    [Fact]
    public async Task Pipeline_ProviderWith5xx404AndTruncation_StoresEveryRecordingWithExactBytesOnce()
    {
        await using var s = await Scenario.StartAsync();
        s.Simulator.Faults.ServerErrorRate = 0.20;
        s.Simulator.Faults.NotReadyFirstRequests = 1;
        s.Simulator.Faults.TruncateRate = 0.15;
        var recordings = Enumerable.Range(0, 20).Select(i => s.NewRecording(seconds: 2 + (i % 5), channels: 1 + (i % 2))).ToList();

        foreach (var recording in recordings)
        {
            using var response = await s.SendCompletedAsync(recording);
            Assert.True(response.IsSuccessStatusCode, $"callback answered {response.StatusCode}");
        }

        foreach (var recording in recordings)
        {
            var stored = await RecordingJson.WaitForStatusAsync(s.Host.Api, recording.Sid, TimeSpan.FromSeconds(90), "stored", "failed");
            Assert.Equal("stored", stored.Status());
            Assert.Equal(await recording.ComputeSha256Async(CancellationToken.None), stored.GetProperty("sha256").GetString());
            Assert.Equal(recording.SizeBytes, stored.GetProperty("sizeBytes").GetInt64());
            Assert.Equal(recording.Channels, stored.GetProperty("channels").GetInt32());
        }

        var files = s.Host.StoredFiles();
        Assert.Equal(20, files.Count);
        Assert.All(files, f => Assert.EndsWith(".wav", f, StringComparison.Ordinal));
        Assert.True(s.Simulator.Stats.ServerErrorsInjected > 0, "the fault injection did not fire");
        Assert.True(s.Simulator.Stats.Truncated > 0, "no response was truncated");

        // What storage holds is byte for byte what the provider served.
        var keys = await s.Host.QueryAsync(db => db.Recordings.Select(r => new { r.ProviderRecordingId, r.StorageKey }).ToListAsync());
        foreach (var recording in recordings)
        {
            var key = keys.Single(k => k.ProviderRecordingId == recording.Sid).StorageKey!;
            await using var file = File.OpenRead(Path.Combine(s.Host.StoragePath, key));
            Assert.Equal(await recording.ComputeSha256Async(CancellationToken.None), Convert.ToHexStringLower(await SHA256.HashDataAsync(file)));
        }
    }

    [Fact]
    public async Task Pipeline_MediaAlwaysTruncated_EndsFailedWithTheReasonAndStoresNothing()
    {
        await using var s = await Scenario.StartAsync(new Dictionary<string, string?> { ["CallVault:Jobs:MaxAttempts"] = "3" });
        s.Simulator.Faults.TruncateRate = 1;
        var recording = s.NewRecording();

        using var response = await s.SendCompletedAsync(recording);

        var failed = await RecordingJson.WaitForStatusAsync(s.Host.Api, recording.Sid, TimeSpan.FromSeconds(60), "failed");
        var download = failed.GetProperty("stages").GetProperty("download");
        Assert.Equal("failed", download.GetProperty("status").GetString());
        Assert.Equal(3, download.GetProperty("attempts").GetInt32());
        Assert.Contains("media", download.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Contains("download", failed.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Empty(s.Host.StoredFiles());
    }

    [Fact]
    public async Task Pipeline_MediaUrlOnAnotherHost_FailsWithoutFetching()
    {
        await using var s = await Scenario.StartAsync();
        var recording = s.NewRecording();
        var fields = CallVault.Simulator.TwilioCallbackSender.RecordingStatusFields(recording, "completed", s.Simulator.AccountSid)
            .Select(f => f.Key == "RecordingUrl" ? new KeyValuePair<string, string>(f.Key, f.Value.Replace("127.0.0.1", "localhost", StringComparison.Ordinal)) : f)
            .ToList();

        using var response = await s.Sender.SendSignedFormAsync(s.RecordingWebhook, fields, CancellationToken.None);

        Assert.True(response.IsSuccessStatusCode);
        var failed = await RecordingJson.WaitForStatusAsync(s.Host.Api, recording.Sid, TimeSpan.FromSeconds(30), "failed");
        Assert.Contains("not the configured Twilio API host", failed.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, s.Simulator.Stats.MediaRequests);
    }

    [Fact]
    public async Task Retry_AfterStageFailed_RunsAgainAndStores()
    {
        await using var s = await Scenario.StartAsync(new Dictionary<string, string?> { ["CallVault:Jobs:MaxAttempts"] = "2" });
        s.Simulator.Faults.ServerErrorRate = 1;
        var recording = s.NewRecording();
        using var response = await s.SendCompletedAsync(recording);
        var failed = await RecordingJson.WaitForStatusAsync(s.Host.Api, recording.Sid, TimeSpan.FromSeconds(60), "failed");
        var id = failed.GetProperty("id").GetString();

        s.Simulator.Faults.ServerErrorRate = 0;
        using var nothingElse = await s.Host.Api.PostAsync($"/api/recordings/{id}/retry?stage=store", null);
        using var retried = await s.Host.Api.PostAsync($"/api/recordings/{id}/retry", null);
        using var asViewerless = await s.Host.Anonymous.PostAsync($"/api/recordings/{id}/retry", null);

        Assert.Equal(System.Net.HttpStatusCode.Conflict, nothingElse.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, retried.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, asViewerless.StatusCode);
        var stored = await RecordingJson.WaitForStatusAsync(s.Host.Api, recording.Sid, TimeSpan.FromSeconds(30), "stored");
        Assert.Equal(await recording.ComputeSha256Async(CancellationToken.None), stored.GetProperty("sha256").GetString());
        Assert.Equal(1, stored.GetProperty("stages").GetProperty("download").GetProperty("attempts").GetInt32());
    }
}
