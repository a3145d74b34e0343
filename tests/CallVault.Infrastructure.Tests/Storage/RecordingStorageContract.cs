using System.Security.Cryptography;
using CallVault.Infrastructure.Storage;
using CallVault.Infrastructure.Tests.TestSupport;

namespace CallVault.Infrastructure.Tests.Storage;

/// <summary>
/// What every <see cref="IRecordingStorage"/> must do, run once per store by a subclass
/// (<see cref="DiskRecordingStorageTests"/>, <see cref="S3RecordingStorageTests"/>).
/// </summary>
public abstract partial class RecordingStorageContract : IAsyncLifetime
{
    /// <summary>Larger than one S3 part (the S3 tests use 5 MiB parts), so uploads go multipart.</summary>
    protected const int MultipartBytes = 12 * 1024 * 1024 + 5;

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(120));

    protected IRecordingStorage Storage { get; private set; } = null!;

    /// <summary>Cancels after 120 s so a hung test fails instead of blocking the run.</summary>
    protected CancellationToken Token => _timeout.Token;

    public async Task InitializeAsync() => Storage = await CreateStorageAsync();

    public async Task DisposeAsync()
    {
        await DisposeStorageAsync();
        _timeout.Dispose();
    }

    [Fact]
    public async Task PutAsync_Stream_StoresTheBytesAndReturnsSizeAndSha256()
    {
        var key = StorageKeysFor.NewKey();
        using var source = new PatternStream(1_000_003);

        var stored = await Storage.PutAsync(key, source, Token);

        Assert.Equal(new StoredObject(key, 1_000_003, source.Sha256), stored);
        Assert.Equal(source.Sha256, await HashOfReadAsync(key));
        Assert.Equal([new StoredObject(key, 1_000_003, null)], await Storage.ListAsync(StorageKeys.Root, Token));
    }

    [Fact]
    public async Task PutFileAsync_ScratchFile_StoresItsBytesAndReturnsSizeAndSha256()
    {
        var key = StorageKeysFor.NewKey();
        var scratch = Path.Combine(Directory.CreateTempSubdirectory("callvault-scratch-").FullName, "work");
        using var source = new PatternStream(1_000_003);
        await using (var file = File.Create(scratch))
        {
            await source.CopyToAsync(file, Token);
        }

        var stored = await Storage.PutFileAsync(key, scratch, Token);

        Assert.Equal(new StoredObject(key, 1_000_003, source.Sha256), stored);
        Assert.Equal(source.Sha256, await HashOfReadAsync(key));
        Assert.Equal([new StoredObject(key, 1_000_003, null)], await Storage.ListAsync(StorageKeys.Root, Token));
        File.Delete(scratch);
    }

    [Fact]
    public async Task PutAsync_StreamLargerThanOnePart_StoresTheBytes()
    {
        var key = StorageKeysFor.NewKey();
        using var source = new PatternStream(MultipartBytes);

        var stored = await Storage.PutAsync(key, source, Token);

        Assert.Equal(new StoredObject(key, MultipartBytes, source.Sha256), stored);
        Assert.Equal(source.Sha256, await HashOfReadAsync(key));
    }

    [Fact]
    public async Task PutAsync_EmptyStream_StoresAnEmptyObject()
    {
        var key = StorageKeysFor.NewKey();

        var stored = await Storage.PutAsync(key, new MemoryStream(), Token);

        Assert.Equal(new StoredObject(key, 0, Convert.ToHexStringLower(SHA256.HashData([]))), stored);
        await using var stream = await Storage.OpenReadAsync(key, Token);
        Assert.NotNull(stream);
        Assert.Equal(0, stream.Length);
        Assert.Equal(0, await stream.ReadAsync(new byte[10], Token));
    }

    [Fact]
    public async Task StatAsync_StoredObject_ReportsSizeAndHashOnlyWhenAsked()
    {
        var key = StorageKeysFor.NewKey();
        using var source = new PatternStream(4096);
        await Storage.PutAsync(key, source, Token);

        var withHash = await Storage.StatAsync(key, computeHash: true, Token);
        var withoutHash = await Storage.StatAsync(key, computeHash: false, Token);
        var missing = await Storage.StatAsync(StorageKeysFor.NewKey(), computeHash: true, Token);
        var missingNoHash = await Storage.StatAsync(StorageKeysFor.NewKey(), computeHash: false, Token);

        Assert.Equal(new StoredObject(key, 4096, source.Sha256), withHash);
        Assert.Equal(new StoredObject(key, 4096, null), withoutHash);
        Assert.Null(missing);
        Assert.Null(missingNoHash);
    }

    [Fact]
    public async Task OpenReadAsync_StoredObject_IsSeekableAndReadsBackTheBytes()
    {
        var key = StorageKeysFor.NewKey("mp3");
        var bytes = RandomNumberGenerator.GetBytes(70_000);
        await Storage.PutAsync(key, new MemoryStream(bytes), Token);

        await using var stream = await Storage.OpenReadAsync(key, Token);

        Assert.NotNull(stream);
        Assert.True(stream.CanSeek);
        Assert.False(stream.CanWrite);
        Assert.Equal(bytes.Length, stream.Length);
        stream.Seek(65_000, SeekOrigin.Begin);
        var tail = new byte[5_000];
        await stream.ReadExactlyAsync(tail, Token);
        Assert.Equal(bytes[65_000..], tail);
        stream.Seek(0, SeekOrigin.Begin);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Token);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task OpenReadAsync_SeeksAnywhere_ReadsTheMatchingSlices()
    {
        var key = StorageKeysFor.NewKey();
        var bytes = RandomNumberGenerator.GetBytes(300_000);
        await Storage.PutAsync(key, new MemoryStream(bytes), Token);
        await using var stream = await Storage.OpenReadAsync(key, Token);
        Assert.NotNull(stream);

        Assert.Equal(bytes[150_000..151_000], await ReadAtAsync(stream, 150_000, 1_000));
        Assert.Equal(bytes[151_000..151_500], await ReadAtAsync(stream, stream.Position, 500));
        Assert.Equal(bytes[10..110], await ReadAtAsync(stream, 10, 100));
        stream.Seek(-5, SeekOrigin.End);
        Assert.Equal(bytes[^5..], await ReadAtAsync(stream, stream.Position, 5));
        Assert.Equal(bytes.Length, stream.Position);
        stream.Position = bytes.Length + 10;
        Assert.Equal(0, await stream.ReadAsync(new byte[16], Token));
    }

    [Fact]
    public async Task OpenReadAsync_MissingObject_ReturnsNull()
    {
        var stream = await Storage.OpenReadAsync(StorageKeysFor.NewKey(), Token);

        Assert.Null(stream);
    }

    [Fact]
    public async Task DeleteAsync_StoredObject_RemovesItAndIsIdempotent()
    {
        var key = StorageKeysFor.NewKey();
        await Storage.PutAsync(key, new MemoryStream([1, 2, 3]), Token);

        await Storage.DeleteAsync(key, Token);
        await Storage.DeleteAsync(key, Token);

        Assert.Null(await Storage.StatAsync(key, computeHash: false, Token));
        Assert.Empty(await Storage.ListAsync(StorageKeys.Root, Token));
    }

    [Fact]
    public async Task PutAsync_SameKeyAgain_ReplacesTheObjectWhole()
    {
        var key = StorageKeysFor.NewKey();
        await Storage.PutAsync(key, new PatternStream(MultipartBytes), Token);
        using var second = new PatternStream(10_000);

        var stored = await Storage.PutAsync(key, second, Token);

        Assert.Equal(new StoredObject(key, 10_000, second.Sha256), stored);
        Assert.Equal(second.Sha256, await HashOfReadAsync(key));
        Assert.Equal([new StoredObject(key, 10_000, null)], await Storage.ListAsync(StorageKeys.Root, Token));
    }

    protected abstract Task<IRecordingStorage> CreateStorageAsync();

    protected virtual Task DisposeStorageAsync() => Task.CompletedTask;

    /// <summary>Nothing at all in the store, not even outside <see cref="StorageKeys.Root"/> (partials, probes).</summary>
    protected abstract Task AssertNothingStoredAsync();

    /// <summary>No half-finished upload is left waiting in the store.</summary>
    protected abstract Task AssertNoUnfinishedUploadsAsync();

    protected async Task<string> HashOfReadAsync(string key)
    {
        await using var stream = await Storage.OpenReadAsync(key, Token);
        Assert.NotNull(stream);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, Token));
    }

    private async Task<byte[]> ReadAtAsync(Stream stream, long position, int count)
    {
        stream.Position = position;
        var buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer, Token);
        return buffer;
    }
}
