using System.Security.Cryptography;
using CallVault.Infrastructure.Storage;
using CallVault.Infrastructure.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Tests.Storage;

public sealed class DiskRecordingStorageTests
{
    [Fact]
    public async Task PutAsync_Stream_StoresTheBytesAndReturnsSizeAndSha256()
    {
        await using var t = await TestServices.StartAsync();
        var key = StorageKeysFor.NewKey();
        using var source = new PatternStream(1_000_003);

        var stored = await t.Storage.PutAsync(key, source, t.Token);

        Assert.Equal(new StoredObject(key, 1_000_003, source.Sha256), stored);
        var path = Path.Combine(t.StoragePath, key);
        Assert.Equal(source.Sha256, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path, t.Token))));
        Assert.Equal([key], t.StoredFiles());
    }

    [Fact]
    public async Task StatAsync_StoredObject_ReportsSizeAndHashOnlyWhenAsked()
    {
        await using var t = await TestServices.StartAsync();
        var key = StorageKeysFor.NewKey();
        using var source = new PatternStream(4096);
        await t.Storage.PutAsync(key, source, t.Token);

        var withHash = await t.Storage.StatAsync(key, computeHash: true, t.Token);
        var withoutHash = await t.Storage.StatAsync(key, computeHash: false, t.Token);
        var missing = await t.Storage.StatAsync(StorageKeysFor.NewKey(), computeHash: true, t.Token);

        Assert.Equal(new StoredObject(key, 4096, source.Sha256), withHash);
        Assert.Equal(new StoredObject(key, 4096, null), withoutHash);
        Assert.Null(missing);
    }

    [Fact]
    public async Task OpenReadAsync_StoredObject_IsSeekableAndReadsBackTheBytes()
    {
        await using var t = await TestServices.StartAsync();
        var key = StorageKeysFor.NewKey("mp3");
        var bytes = RandomNumberGenerator.GetBytes(70_000);
        await t.Storage.PutAsync(key, new MemoryStream(bytes), t.Token);

        await using var stream = await t.Storage.OpenReadAsync(key, t.Token);

        Assert.NotNull(stream);
        Assert.True(stream.CanSeek);
        Assert.Equal(bytes.Length, stream.Length);
        stream.Seek(65_000, SeekOrigin.Begin);
        var tail = new byte[5_000];
        await stream.ReadExactlyAsync(tail, t.Token);
        Assert.Equal(bytes[65_000..], tail);
        stream.Seek(0, SeekOrigin.Begin);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, t.Token);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task OpenReadAsync_MissingObject_ReturnsNull()
    {
        await using var t = await TestServices.StartAsync();

        var stream = await t.Storage.OpenReadAsync(StorageKeysFor.NewKey(), t.Token);

        Assert.Null(stream);
    }

    [Fact]
    public async Task DeleteAsync_StoredObject_RemovesItAndIsIdempotent()
    {
        await using var t = await TestServices.StartAsync();
        var key = StorageKeysFor.NewKey();
        await t.Storage.PutAsync(key, new MemoryStream([1, 2, 3]), t.Token);

        await t.Storage.DeleteAsync(key, t.Token);
        await t.Storage.DeleteAsync(key, t.Token);

        Assert.Null(await t.Storage.StatAsync(key, computeHash: false, t.Token));
        Assert.Empty(t.StoredFiles());
    }

    [Fact]
    public async Task PutAsync_SameKeyAgain_ReplacesTheObjectWhole()
    {
        await using var t = await TestServices.StartAsync();
        var key = StorageKeysFor.NewKey();
        await t.Storage.PutAsync(key, new PatternStream(50_000), t.Token);
        using var second = new PatternStream(10_000);

        var stored = await t.Storage.PutAsync(key, second, t.Token);

        Assert.Equal(new StoredObject(key, 10_000, second.Sha256), stored);
        Assert.Equal([key], t.StoredFiles());
    }

    [Theory]
    [InlineData("../etc/passwd")]
    [InlineData("../escaped.wav")]
    [InlineData("recordings/../../x")]
    [InlineData("recordings/2026/03/02/../../../../../escaped.wav")]
    [InlineData("/tmp/escaped.wav")]
    [InlineData("recordings/2026/03/02/0195A3B4C5D67E8F90123456789ABCDE.wav")]
    [InlineData("recordings/2026/03/02/0195a3b4c5d67e8f90123456789abcde.wav.partial")]
    [InlineData("")]
    public async Task AnyOperation_KeyNotMadeByStorageKeys_ThrowsArgumentExceptionAndWritesNothing(string key)
    {
        await using var t = await TestServices.StartAsync();
        var filesBefore = AllFiles(t.Root);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => t.Storage.PutAsync(key, new MemoryStream([1, 2, 3]), t.Token));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => t.Storage.StatAsync(key, computeHash: true, t.Token));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => t.Storage.OpenReadAsync(key, t.Token));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => t.Storage.DeleteAsync(key, t.Token));

        Assert.Equal(filesBefore, AllFiles(t.Root));
        Assert.False(Directory.Exists(t.StoragePath) && Directory.EnumerateFileSystemEntries(t.StoragePath).Any());
        Assert.False(File.Exists(Path.Combine(t.Root, "escaped.wav")));
        Assert.False(File.Exists("/tmp/escaped.wav"));
    }

    [Fact]
    public async Task PutAsync_KeyWithTrailingNewline_ThrowsArgumentExceptionAndWritesNothing()
    {
        await using var t = await TestServices.StartAsync();
        var key = StorageKeysFor.NewKey() + "\n";

        await Assert.ThrowsAnyAsync<ArgumentException>(() => t.Storage.PutAsync(key, new MemoryStream([1, 2, 3]), t.Token));

        Assert.Empty(t.StoredFiles());
    }

    [Fact]
    public async Task PutAsync_SourceThrowsMidway_LeavesNeitherObjectNorPartial()
    {
        await using var t = await TestServices.StartAsync();
        var key = StorageKeysFor.NewKey();

        await Assert.ThrowsAsync<IOException>(() => t.Storage.PutAsync(key, new PatternStream(1_000_000, failAfter: 300_000), t.Token));

        Assert.Null(await t.Storage.StatAsync(key, computeHash: false, t.Token));
        Assert.Empty(t.StoredFiles());
    }

    [Fact]
    public async Task PutAsync_SourceThrowsMidwayOverAnExistingObject_KeepsTheOldObject()
    {
        await using var t = await TestServices.StartAsync();
        var key = StorageKeysFor.NewKey();
        using var original = new PatternStream(20_000);
        await t.Storage.PutAsync(key, original, t.Token);

        await Assert.ThrowsAsync<IOException>(() => t.Storage.PutAsync(key, new PatternStream(1_000_000, failAfter: 300_000), t.Token));

        Assert.Equal(new StoredObject(key, 20_000, original.Sha256), await t.Storage.StatAsync(key, computeHash: true, t.Token));
        Assert.Equal([key], t.StoredFiles());
    }

    [Fact]
    public async Task PutAsync_StalePartialFromACrash_IsOverwritten()
    {
        await using var t = await TestServices.StartAsync();
        var key = StorageKeysFor.NewKey();
        var partial = Path.Combine(t.StoragePath, key + ".partial");
        Directory.CreateDirectory(Path.GetDirectoryName(partial)!);
        await File.WriteAllBytesAsync(partial, RandomNumberGenerator.GetBytes(200_000), t.Token);
        using var source = new PatternStream(5_000);

        var stored = await t.Storage.PutAsync(key, source, t.Token);

        Assert.Equal(new StoredObject(key, 5_000, source.Sha256), stored);
        Assert.False(File.Exists(partial));
        Assert.Equal([key], t.StoredFiles());
    }

    [Fact]
    public async Task PutAsync_StorageRootConfiguredWithTrailingSeparator_StoresTheObject()
    {
        await using var t = await TestServices.StartAsync();
        var storage = new DiskRecordingStorage(Options.Create(new StorageOptions { Path = t.StoragePath + Path.DirectorySeparatorChar }));
        var key = StorageKeysFor.NewKey();

        var stored = await storage.PutAsync(key, new MemoryStream([1, 2, 3]), t.Token);

        Assert.Equal(3, stored.SizeBytes);
        Assert.True(File.Exists(Path.Combine(t.StoragePath, key)));
    }

    [Fact]
    public async Task CheckWritableAsync_WritableRoot_LeavesNoProbeBehind()
    {
        await using var t = await TestServices.StartAsync();

        await t.Storage.CheckWritableAsync(t.Token);

        Assert.Empty(Directory.EnumerateFileSystemEntries(t.StoragePath));
    }

    private static List<string> AllFiles(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
}
