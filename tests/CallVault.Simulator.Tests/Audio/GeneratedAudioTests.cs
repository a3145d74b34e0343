using System.Diagnostics;
using System.Security.Cryptography;
using CallVault.Simulator.Tests.TestSupport;

namespace CallVault.Simulator.Tests.Audio;

public sealed class GeneratedAudioTests
{
    [Fact]
    public async Task GetWav_TwoHourStereo_StreamsAndHashesWithoutBuffering()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var recording = h.Simulator.AddRecording(new RecordingSpec { CallSid = "CA" + new string('1', 32), Channels = 2, DurationSeconds = 2 * 3600 });
        var expected = 44 + (8000L * 2 * 2 * 2 * 3600);
        Assert.Equal(expected, recording.SizeBytes);
        var stopwatch = Stopwatch.StartNew();

        using var response = await h.Http.GetAsync(recording.MediaUrl + ".wav", HttpCompletionOption.ResponseHeadersRead, h.Token);
        await using var body = await response.Content.ReadAsStreamAsync(h.Token);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[128 * 1024];
        long total = 0;
        long peakManaged = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, h.Token)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            total += read;
            peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(forceFullCollection: false));
        }

        Assert.Equal(expected, response.Content.Headers.ContentLength);
        Assert.Equal(expected, total);
        Assert.True(peakManaged < 200L * 1024 * 1024, $"managed heap peaked at {peakManaged / (1024 * 1024)} MB while streaming {expected / (1024 * 1024)} MB");
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(20), $"streaming took {stopwatch.Elapsed}");
        Assert.Equal(64, Convert.ToHexStringLower(hash.GetHashAndReset()).Length);
    }

    [Fact]
    public async Task OpenWav_ReadInOddChunksAndSeeks_SameBytesEveryTime()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var recording = h.Simulator.AddRecording(new RecordingSpec { CallSid = "CA" + new string('2', 32), Channels = 2, DurationSeconds = 1.5 });

        var whole = await ReadAllAsync(recording.OpenWav(), 65536);
        var odd = await ReadAllAsync(recording.OpenWav(), 7);
        await using var seeking = recording.OpenWav();
        seeking.Seek(1001, SeekOrigin.Begin);
        var slice = new byte[333];
        seeking.ReadExactly(slice);

        Assert.Equal(recording.SizeBytes, whole.LongLength);
        Assert.Equal(whole, odd);
        Assert.Equal(whole.AsSpan(1001, 333).ToArray(), slice);
        Assert.False(seeking.CanWrite);
        Assert.Equal((2, 8000, 16, recording.SizeBytes - 44), WavAssert.Header(whole));
        Assert.Contains(whole.Skip(44), b => b != 0);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(whole)), await recording.ComputeSha256Async(h.Token));
    }

    [Fact]
    public async Task AddRecording_SameSeedAndOrder_SameSidsAndAudio()
    {
        await using var a = await SimulatorHarness.StartAsync(new SimulatorOptions { Seed = 7 });
        await using var b = await SimulatorHarness.StartAsync(new SimulatorOptions { Seed = 7 });

        var ra = a.Simulator.AddRecording(new RecordingSpec { CallSid = "CA" + new string('3', 32), DurationSeconds = 1 });
        var rb = b.Simulator.AddRecording(new RecordingSpec { CallSid = "CA" + new string('3', 32), DurationSeconds = 1 });

        Assert.Equal(a.Simulator.AccountSid, b.Simulator.AccountSid);
        Assert.Equal(ra.Sid, rb.Sid);
        Assert.Equal(await ra.ComputeSha256Async(a.Token), await rb.ComputeSha256Async(b.Token));
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream, int chunk)
    {
        await using (stream)
        {
            using var copy = new MemoryStream();
            var buffer = new byte[chunk];
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                copy.Write(buffer, 0, read);
            }

            return copy.ToArray();
        }
    }
}
