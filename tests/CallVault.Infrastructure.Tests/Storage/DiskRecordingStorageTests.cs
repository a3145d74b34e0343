using System.Security.Cryptography;
using CallVault.Infrastructure.Storage;
using CallVault.Infrastructure.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Tests.Storage;

/// <summary>The shared contract on local disk (through the real registrations), plus what only disk has: partial files and paths.</summary>
public sealed class DiskRecordingStorageTests : RecordingStorageContract
{
    private TestServices _services = null!;

    [Fact]
    public async Task PutAsync_Stream_WritesTheFileUnderTheStorageRoot()
    {
        var key = StorageKeysFor.NewKey();
        using var source = new PatternStream(1_000_003);

        await Storage.PutAsync(key, source, Token);

        var path = Path.Combine(_services.StoragePath, key);
        Assert.Equal(source.Sha256, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path, Token))));
        Assert.Equal([key], _services.StoredFiles());
    }

    [Fact]
    public async Task PutAsync_StalePartialFromACrash_IsOverwritten()
    {
        var key = StorageKeysFor.NewKey();
        var partial = Path.Combine(_services.StoragePath, key + ".partial");
        Directory.CreateDirectory(Path.GetDirectoryName(partial)!);
        await File.WriteAllBytesAsync(partial, RandomNumberGenerator.GetBytes(200_000), Token);
        using var source = new PatternStream(5_000);

        var stored = await Storage.PutAsync(key, source, Token);

        Assert.Equal(new StoredObject(key, 5_000, source.Sha256), stored);
        Assert.False(File.Exists(partial));
        Assert.Equal([key], _services.StoredFiles());
    }

    [Fact]
    public async Task ListAsync_StalePartialFromACrash_IsNotListed()
    {
        var key = StorageKeysFor.NewKey();
        var partial = Path.Combine(_services.StoragePath, key + ".partial");
        Directory.CreateDirectory(Path.GetDirectoryName(partial)!);
        await File.WriteAllBytesAsync(partial, [1, 2, 3], Token);

        Assert.Empty(await Storage.ListAsync(StorageKeys.Root, Token));
    }

    [Fact]
    public async Task PutAsync_StorageRootConfiguredWithTrailingSeparator_StoresTheObject()
    {
        var storage = new DiskRecordingStorage(Options.Create(new StorageOptions { Path = _services.StoragePath + Path.DirectorySeparatorChar }));
        var key = StorageKeysFor.NewKey();

        var stored = await storage.PutAsync(key, new MemoryStream([1, 2, 3]), Token);

        Assert.Equal(3, stored.SizeBytes);
        Assert.True(File.Exists(Path.Combine(_services.StoragePath, key)));
        Assert.Equal([new StoredObject(key, 3, null)], await storage.ListAsync(StorageKeys.Root, Token));
    }

    [Fact]
    public async Task PutFileAsync_Disk_MovesTheScratchFileIntoPlaceLeavingNoPartial()
    {
        var key = StorageKeysFor.NewKey();
        Directory.CreateDirectory(_services.TempPath);
        var scratch = Path.Combine(_services.TempPath, "scratch.work");
        await File.WriteAllBytesAsync(scratch, [1, 2, 3, 4], Token);

        var stored = await Storage.PutFileAsync(key, scratch, Token);

        Assert.Equal(4, stored.SizeBytes);
        Assert.False(File.Exists(scratch));
        Assert.Equal([1, 2, 3, 4], await File.ReadAllBytesAsync(Path.Combine(_services.StoragePath, key), Token));
        Assert.Equal([Path.Combine(_services.StoragePath, key)], Directory.EnumerateFiles(_services.StoragePath, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task PutFileAsync_ScratchFileMissing_ThrowsAndStoresNothing()
    {
        var key = StorageKeysFor.NewKey();

        await Assert.ThrowsAsync<FileNotFoundException>(() => Storage.PutFileAsync(key, Path.Combine(_services.Root, "missing.work"), Token));

        Assert.Empty(await Storage.ListAsync(StorageKeys.Root, Token));
        Assert.Null(await Storage.StatAsync(key, computeHash: false, Token));
    }

    [Fact]
    public async Task GetReadUrlAsync_Disk_ReturnsNullForTheWebLayerToSign()
    {
        var key = StorageKeysFor.NewKey();
        await Storage.PutAsync(key, new MemoryStream([1, 2, 3]), Token);

        Assert.Null(await Storage.GetReadUrlAsync(key, TestServices.Start.AddHours(1), Token));
    }

    [Fact]
    public async Task AnyOperation_KeyEscapingTheRoot_TouchesNothingOutsideIt()
    {
        var before = AllFiles(_services.Root);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Storage.PutAsync("../escaped.wav", new MemoryStream([1]), Token));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Storage.PutAsync("/tmp/escaped.wav", new MemoryStream([1]), Token));

        Assert.Equal(before, AllFiles(_services.Root));
        Assert.False(File.Exists(Path.Combine(_services.Root, "escaped.wav")));
        Assert.False(File.Exists("/tmp/escaped.wav"));
    }

    protected override async Task<IRecordingStorage> CreateStorageAsync()
    {
        _services = await TestServices.StartAsync();
        var storage = _services.Storage;
        Assert.IsType<DiskRecordingStorage>(storage);
        return storage;
    }

    protected override async Task DisposeStorageAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    protected override Task AssertNothingStoredAsync()
    {
        Assert.False(Directory.Exists(_services.StoragePath) && Directory.EnumerateFileSystemEntries(_services.StoragePath, "*", SearchOption.AllDirectories).Any(e => File.Exists(e)));
        return Task.CompletedTask;
    }

    protected override Task LeaveProbeBehindAsync() => File.WriteAllTextAsync(Path.Combine(_services.StoragePath, ".readyz-probe"), "ok", Token);

    /// <summary>Disk's unfinished upload is a <c>.partial</c> file; none may remain.</summary>
    protected override Task AssertNoUnfinishedUploadsAsync()
    {
        Assert.DoesNotContain(_services.StoredFiles(), f => f.EndsWith(".partial", StringComparison.Ordinal));
        return Task.CompletedTask;
    }

    private static List<string> AllFiles(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
}
