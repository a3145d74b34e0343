using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using CallVault.Infrastructure.Retention;
using CallVault.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CallVault.Web.Tests.Retention;

public sealed class RetentionAndProviderDeleteTests
{
    [Fact]
    public async Task Retention_DeletesOldAudioKeepsMetadata_AndSparesLegalHolds()
    {
        var clock = new ShiftableTimeProvider();
        await using var s = await Scenario.StartAsync(new Dictionary<string, string?> { ["CallVault:Retention:Days"] = "30" }, clock);
        var held = s.NewRecording(seconds: 1, channels: 1);
        var old = s.NewRecording(seconds: 1, channels: 1);
        var ids = new Dictionary<string, string>();
        foreach (var recording in new[] { held, old })
        {
            using var _ = await s.SendCompletedAsync(recording);
            ids[recording.Sid] = (await RecordingJson.WaitForStatusAsync(s.Host.Api, recording.Sid, TimeSpan.FromSeconds(30), "stored")).GetProperty("id").GetString()!;
        }

        using var hold = await s.Host.Api.PutAsJsonAsync($"/api/recordings/{ids[held.Sid]}/legal-hold", new { reason = "litigation 2026-17" });
        clock.Advance(TimeSpan.FromDays(31));
        var deleted = await s.Host.Services.GetRequiredService<RetentionRunner>().RunOnceAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, hold.StatusCode);
        Assert.Equal(1, deleted);
        var gone = (await RecordingJson.FindByProviderIdAsync(s.Host.Api, old.Sid))!.Value;
        Assert.Equal("deleted", gone.Status());
        Assert.Equal("retention (30 days)", gone.GetProperty("deletedBy").GetString());
        var kept = (await RecordingJson.FindByProviderIdAsync(s.Host.Api, held.Sid))!.Value;
        Assert.Equal("stored", kept.Status());
        Assert.Equal("litigation 2026-17", kept.GetProperty("legalHold").GetProperty("reason").GetString());
        Assert.Single(s.Host.StoredFiles());
        using var audio = await s.Host.Api.GetAsync($"/api/recordings/{ids[old.Sid]}/audio");
        Assert.Equal(HttpStatusCode.Conflict, audio.StatusCode);
    }

    [Fact]
    public async Task ProviderDelete_Off_KeepsTheProviderCopy()
    {
        await using var s = await Scenario.StartAsync();
        var recording = s.NewRecording();
        using var _ = await s.SendCompletedAsync(recording);

        await RecordingJson.WaitForStatusAsync(s.Host.Api, recording.Sid, TimeSpan.FromSeconds(30), "stored");
        // "stored" is committed before the provider-delete stage runs: wait for that stage to settle.
        var settled = await Eventually.WaitAsync(
            async () => (await RecordingJson.FindByProviderIdAsync(s.Host.Api, recording.Sid))!.Value
                .GetProperty("stages").GetProperty("providerDelete").GetProperty("status").GetString(),
            status => status is not ("pending" or "processing"),
            TimeSpan.FromSeconds(30),
            "the provider-delete stage settled");

        Assert.Equal("skipped", settled);
        Assert.False(s.Simulator.IsDeleted(recording.Sid));
    }

    [Fact]
    public async Task ProviderDelete_On_DeletesOnlyAfterTheStoredCopyVerifies()
    {
        await using var s = await Scenario.StartAsync(new Dictionary<string, string?> { ["CallVault:Twilio:DeleteAfterVerifiedCopy"] = "true" });
        var recording = s.NewRecording();
        using var _ = await s.SendCompletedAsync(recording);

        var done = await Eventually.WaitAsync(
            () => RecordingJson.FindByProviderIdAsync(s.Host.Api, recording.Sid),
            r => r is { } e && e.GetProperty("stages").GetProperty("providerDelete").GetProperty("status").GetString() is "completed" or "failed",
            TimeSpan.FromSeconds(30), "the provider delete stage to finish");

        Assert.Equal("completed", done!.Value.GetProperty("stages").GetProperty("providerDelete").GetProperty("status").GetString());
        Assert.True(s.Simulator.IsDeleted(recording.Sid));
    }

    [Fact]
    public async Task ProviderDelete_CorruptedStoredCopy_BlocksTheDeleteAndRepairsFromTheProvider()
    {
        await using var s = await Scenario.StartAsync(new Dictionary<string, string?>
        {
            ["CallVault:Twilio:DeleteAfterVerifiedCopy"] = "true",
            ["CallVault:Jobs:BaseDelayMilliseconds"] = "3000",
            ["CallVault:Jobs:MaxDelaySeconds"] = "6",
        });
        s.Simulator.Faults.DeleteErrorRate = 1;
        var recording = s.NewRecording(seconds: 2, channels: 1);
        var expected = await recording.ComputeSha256Async(CancellationToken.None);
        using var _ = await s.SendCompletedAsync(recording);

        // The first delete attempt fails at the provider; while it waits to retry, a byte of the stored copy flips.
        await Eventually.WaitAsync(
            () => RecordingJson.FindByProviderIdAsync(s.Host.Api, recording.Sid),
            r => r is { } e && e.GetProperty("stages").GetProperty("providerDelete").GetProperty("attempts").GetInt32() >= 1
                && e.GetProperty("stages").GetProperty("providerDelete").GetProperty("status").GetString() == "pending",
            TimeSpan.FromSeconds(30), "a failed first delete attempt");
        var key = await s.Host.QueryAsync(db => db.Recordings.Select(r => r.StorageKey).SingleAsync());
        var path = Path.Combine(s.Host.StoragePath, key!);
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[100] ^= 0xFF;
        await File.WriteAllBytesAsync(path, bytes);
        s.Simulator.Faults.DeleteErrorRate = 0;

        var done = await Eventually.WaitAsync(
            () => RecordingJson.FindByProviderIdAsync(s.Host.Api, recording.Sid),
            r => r is { } e && e.GetProperty("stages").GetProperty("providerDelete").GetProperty("status").GetString() == "completed",
            TimeSpan.FromSeconds(60), "the repaired recording's provider delete");

        Assert.True(s.Simulator.IsDeleted(recording.Sid));
        Assert.Equal("stored", done!.Value.Status());
        Assert.True(done.Value.GetProperty("stages").GetProperty("download").GetProperty("attempts").GetInt32() >= 1);
        Assert.Equal(expected, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path))));
        Assert.Equal(expected, done.Value.GetProperty("sha256").GetString());
    }
}
