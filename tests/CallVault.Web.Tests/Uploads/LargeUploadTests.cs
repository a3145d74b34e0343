using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;
using CallVault.Web.Tests.TestSupport;

namespace CallVault.Web.Tests.Uploads;

/// <summary>
/// A 500 MB upload generated on the fly: the server (in this process) streams it to staging, through
/// the pipeline and into storage without holding it in memory.
/// </summary>
[Collection(nameof(MemorySensitiveCollection))]
public sealed class LargeUploadTests(ITestOutputHelper output)
{
    private const long FileBytes = 500L * 1024 * 1024;
    private const long MaxGrowthBytes = 64L * 1024 * 1024;

    [Fact]
    public async Task Upload_500MegabyteWav_IsStoredWithFlatMemory()
    {
        await using var host = await UploadHost.StartAsync();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = baseline;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                // Live bytes after a collection: a buffered upload stays live, other tests' garbage does not count.
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
                await Task.Delay(100, CancellationToken.None);
            }
        });
        var watch = Stopwatch.StartNew();
        using var wav = new SyntheticWavStream(FileBytes);

        using var response = await host.Api.PostAsync("/api/recordings", UploadForm.Create(UploadForm.Fields("up-large"), new StreamContent(wav, 128 * 1024)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var uploaded = watch.Elapsed;
        // A generous wait, not a speed check: the machine may be busy (speed is measured under bench/).
        var stored = await RecordingJson.WaitForStatusAsync(host.Api, "up-large", TimeSpan.FromMinutes(3), "stored", "failed");
        await stop.CancelAsync();
        await sampler;

        Assert.Equal("stored", stored.Status());
        Assert.Equal(wav.TotalBytes, stored.GetProperty("sizeBytes").GetInt64());
        Assert.Equal(wav.Sha256, stored.GetProperty("sha256").GetString());
        var growth = peak - baseline;
        output.WriteLine($"managed memory growth {growth / (1024.0 * 1024):0.0} MB, upload {uploaded.TotalSeconds:0.0} s, until stored {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.True(growth < MaxGrowthBytes, $"managed memory grew by {growth / (1024 * 1024)} MB during the upload (limit {MaxGrowthBytes / (1024 * 1024)} MB)");
    }
}
