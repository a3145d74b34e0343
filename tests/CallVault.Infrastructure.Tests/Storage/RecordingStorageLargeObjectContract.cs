using CallVault.Infrastructure.Storage;
using CallVault.Infrastructure.Tests.TestSupport;
using Xunit.Abstractions;

namespace CallVault.Infrastructure.Tests.Storage;

/// <summary>
/// A very long recording goes through every store with flat managed memory (streamed, never held
/// whole). Subclasses sit in <see cref="MemorySensitiveCollection"/>: the heap reading would count
/// other tests' allocations otherwise, which is also why this is not part of <see cref="RecordingStorageContract"/>.
/// </summary>
public abstract class RecordingStorageLargeObjectContract(ITestOutputHelper output)
{
    private const long AllowedGrowthBytes = 64L * 1024 * 1024;

    /// <summary>How big the generated object is (never an array: <see cref="PatternStream"/> makes it while read).</summary>
    protected abstract long ObjectBytes { get; }

    [Fact]
    public async Task PutAsync_VeryLargeStream_StoresItWithFlatManagedMemory()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var storage = await CreateStorageAsync();
        try
        {
            var key = StorageKeysFor.NewKey();
            using var source = new PatternStream(ObjectBytes);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var baseline = GC.GetTotalMemory(forceFullCollection: true);
            using var sampling = new CancellationTokenSource();
            var peak = SamplePeakAsync(sampling.Token);

            var clock = System.Diagnostics.Stopwatch.StartNew();
            var stored = await storage.PutAsync(key, source, timeout.Token);
            await sampling.CancelAsync();
            var growth = await peak - baseline;
            output.WriteLine($"{storage.Name}: {ObjectBytes / (1024 * 1024)} MB stored and read back in {clock.Elapsed.TotalSeconds:F1} s; managed heap peak growth {growth / (1024 * 1024)} MB");

            Assert.Equal(ObjectBytes, stored.SizeBytes);
            Assert.Equal(source.Sha256, stored.Sha256);
            Assert.Equal([new StoredObject(key, ObjectBytes, null)], await storage.ListAsync(StorageKeys.Root, timeout.Token));
            Assert.True(growth < AllowedGrowthBytes, $"managed heap grew by {growth / (1024 * 1024)} MB while storing {ObjectBytes / (1024 * 1024)} MB");
            await storage.DeleteAsync(key, timeout.Token);
        }
        finally
        {
            await DisposeStorageAsync();
        }
    }

    protected abstract Task<IRecordingStorage> CreateStorageAsync();

    protected abstract Task DisposeStorageAsync();

    // Live bytes (after a collection), not allocated bytes: garbage from other work in the process
    // (hosts of earlier tests winding down) would otherwise count, while a buffered object stays live.
    private static Task<long> SamplePeakAsync(CancellationToken cancellationToken) => Task.Run(async () =>
    {
        long peak = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
            await Task.Delay(100, CancellationToken.None);
        }

        return Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
    }, CancellationToken.None);
}
