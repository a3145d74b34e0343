using CallVault.Infrastructure.Tests.TestSupport;

namespace CallVault.Infrastructure.Tests.Storage;

/// <summary>Runs alone (its memory reading would count other tests' allocations otherwise).</summary>
[Collection(nameof(MemorySensitiveCollection))]
public sealed class DiskRecordingStorageLargeObjectTests
{
    private const long ObjectBytes = 300L * 1024 * 1024;
    private const long AllowedGrowthBytes = 32L * 1024 * 1024;

    [Fact]
    public async Task PutAsync_ThreeHundredMegabyteStream_StoresItWithFlatManagedMemory()
    {
        await using var t = await TestServices.StartAsync();
        var key = StorageKeysFor.NewKey();
        using var source = new PatternStream(ObjectBytes);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        using var sampling = new CancellationTokenSource();
        var peak = SamplePeakAsync(sampling.Token);

        var stored = await t.Storage.PutAsync(key, source, t.Token);
        await sampling.CancelAsync();
        var growth = await peak - baseline;

        Assert.Equal(ObjectBytes, stored.SizeBytes);
        Assert.Equal(source.Sha256, stored.Sha256);
        Assert.Equal(ObjectBytes, new FileInfo(Path.Combine(t.StoragePath, key)).Length);
        Assert.True(growth < AllowedGrowthBytes, $"managed heap grew by {growth / (1024 * 1024)} MB while storing {ObjectBytes / (1024 * 1024)} MB");
    }

    private static Task<long> SamplePeakAsync(CancellationToken cancellationToken) => Task.Run(async () =>
    {
        long peak = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
            await Task.Delay(5, CancellationToken.None);
        }

        return Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
    }, CancellationToken.None);
}
