using System.Security.Cryptography;
using CallVault.Infrastructure.Media;
using CallVault.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CallVault.Web.Tests.Pipeline;

/// <summary>Transcoding through the whole server: webhook, download, transcode, store, then the audio endpoint.</summary>
public sealed class TranscodeTests
{
    [Fact]
    public async Task Pipeline_StereoRecordingWithOpus_IsStoredAsTwoChannelOpusServedAsOggWithTheRecordedSha256()
    {
        await using var s = await Scenario.StartAsync(new Dictionary<string, string?> { ["CallVault:Media:Transcode"] = "opus" });
        var recording = s.NewRecording(seconds: 6, channels: 2);

        using (var response = await s.SendCompletedAsync(recording))
        {
            Assert.True(response.IsSuccessStatusCode, $"callback answered {response.StatusCode}");
        }

        var stored = await RecordingJson.WaitForStatusAsync(s.Host.Api, recording.Sid, TimeSpan.FromSeconds(60), "stored", "failed");
        Assert.Equal("stored", stored.Status());
        Assert.Equal(("opus", 2), (stored.GetProperty("format").GetString(), stored.GetProperty("channels").GetInt32()));
        Assert.Equal("completed", stored.GetProperty("stages").GetProperty("transcode").GetProperty("status").GetString());
        var id = stored.GetProperty("id").GetGuid();
        using var audio = await s.Host.Api.GetAsync($"/api/recordings/{id}/audio");
        audio.EnsureSuccessStatusCode();
        Assert.Equal("audio/ogg", audio.Content.Headers.ContentType?.MediaType);
        var bytes = await audio.Content.ReadAsByteArrayAsync();
        Assert.Equal(stored.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal(stored.GetProperty("sizeBytes").GetInt64(), bytes.Length);
        Assert.True(bytes.Length * 8 <= recording.SizeBytes, $"{bytes.Length} bytes of opus for {recording.SizeBytes} of WAV");

        var file = Path.Combine(s.Host.DataDirectory, "served.opus");
        await File.WriteAllBytesAsync(file, bytes);
        var tools = s.Host.Services.GetRequiredService<FfmpegLocator>().Tools;
        var (probe, error) = await s.Host.Services.GetRequiredService<Ffprobe>().ProbeAsync(tools.Ffprobe!, file, CancellationToken.None);
        Assert.True(probe is not null, error);
        Assert.Equal(("ogg", "opus", 2), (probe.FormatName, probe.Codec, probe.Channels));
        Assert.InRange(probe.DurationSeconds!.Value, 5.9, 6.1);
        Assert.Single(s.Host.StoredFiles());
    }

    [Fact]
    public async Task Pipeline_OpusWithKeepOriginal_StoresTheOpusAndTheUntouchedWav()
    {
        await using var s = await Scenario.StartAsync(new Dictionary<string, string?>
        {
            ["CallVault:Media:Transcode"] = "opus",
            ["CallVault:Media:KeepOriginal"] = "true",
        });
        var recording = s.NewRecording(seconds: 3, channels: 2);

        using (await s.SendCompletedAsync(recording))
        {
        }

        var stored = await RecordingJson.WaitForStatusAsync(s.Host.Api, recording.Sid, TimeSpan.FromSeconds(60), "stored", "failed");
        Assert.Equal(("stored", "opus"), (stored.Status(), stored.GetProperty("format").GetString()));
        var files = s.Host.StoredFiles().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, files.Count);
        Assert.Equal(Path.ChangeExtension(files[0], null), Path.ChangeExtension(files[1], null));
        Assert.Equal([".opus", ".wav"], files.Select(Path.GetExtension));
        await using (var opus = File.OpenRead(Path.Combine(s.Host.StoragePath, files[0])))
        {
            Assert.Equal(stored.GetProperty("sha256").GetString(), Convert.ToHexStringLower(await SHA256.HashDataAsync(opus)));
        }

        await using var wav = File.OpenRead(Path.Combine(s.Host.StoragePath, files[1]));
        Assert.Equal(await recording.ComputeSha256Async(CancellationToken.None), Convert.ToHexStringLower(await SHA256.HashDataAsync(wav)));
    }
}
