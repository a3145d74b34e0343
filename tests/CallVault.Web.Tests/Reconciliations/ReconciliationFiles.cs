using System.Globalization;
using System.Security.Cryptography;
using CallVault.Core.Jobs;
using CallVault.Simulator;
using CallVault.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Web.Tests.Reconciliations;

/// <summary>Stored recordings and the files behind them, reached directly (as a disk fault or a crash would).</summary>
internal static class ReconciliationFiles
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>A recording completed by webhook, stored, and with no job of it left queued or running.</summary>
    public static async Task<(SimulatedRecording Recording, Guid Id, string Path)> StoreAsync(Scenario s)
    {
        var recording = s.NewRecording(seconds: 2, channels: 1);
        using (var response = await s.SendCompletedAsync(recording))
        {
            Assert.True(response.IsSuccessStatusCode);
        }

        var json = await RecordingJson.WaitForStatusAsync(s.Host.Api, recording.Sid, Timeout, "stored");
        var id = Guid.Parse(json.GetProperty("id").GetString()!);
        await Eventually.WaitAsync(
            () => s.Host.QueryAsync(db => db.Jobs.AnyAsync(j => j.RecordingId == id && (j.State == JobState.Queued || j.State == JobState.Running))),
            active => !active, Timeout, $"the jobs of recording {id} to finish");
        var key = await s.Host.QueryAsync(db => db.Recordings.Where(r => r.Id == id).Select(r => r.StorageKey).FirstAsync());
        return (recording, id, PathOf(s.Host, key!));
    }

    public static string PathOf(CallVaultTestHost host, string key) => Path.Combine(host.StoragePath, key);

    /// <summary>A well-formed key with a random id, written straight under the storage root.</summary>
    public static string WriteStray(CallVaultTestHost host)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"recordings/{DateTime.UtcNow:yyyy}/{DateTime.UtcNow:MM}/{DateTime.UtcNow:dd}/{Guid.NewGuid():N}.wav");
        var path = PathOf(host, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [1, 2, 3, 4]);
        return path;
    }

    public static async Task<string> Sha256Async(string path)
    {
        await using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file));
    }

    public static async Task<JsonRecording> WaitStoredAsync(Scenario s, SimulatedRecording recording)
    {
        var json = await RecordingJson.WaitForStatusAsync(s.Host.Api, recording.Sid, Timeout, "stored");
        return new JsonRecording(json.GetProperty("sha256").GetString(), json.GetProperty("status").GetString()!);
    }

    internal sealed record JsonRecording(string? Sha256, string Status);
}
