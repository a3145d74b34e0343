using System.Net;
using CallVault.Core.Recordings;
using CallVault.Infrastructure.Storage;
using CallVault.Infrastructure.Tests.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CallVault.Infrastructure.Tests.Storage;

/// <summary>The contract, continued: listing, refused keys, failed uploads, readiness, HTTP ranges.</summary>
public abstract partial class RecordingStorageContract
{
    [Fact]
    public async Task ListAsync_DateNarrowedPrefixes_ListOnlyMatchingKeysWithSizes()
    {
        var march2 = StorageKeysFor.NewKey();
        var march2b = StorageKeysFor.NewKey("mp3");
        var april = StorageKeys.For(new Recording { Id = Guid.NewGuid(), Provider = "twilio", ProviderRecordingId = TestSids.Recording(), CreatedAt = new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc) }, "wav");
        await Storage.PutAsync(march2, new MemoryStream(new byte[10]), Token);
        await Storage.PutAsync(march2b, new MemoryStream(new byte[20]), Token);
        await Storage.PutAsync(april, new MemoryStream(new byte[30]), Token);

        var all = await Storage.ListAsync(StorageKeys.Root, Token);
        var day = await Storage.ListAsync("recordings/2026/03/02/", Token);
        var month = await Storage.ListAsync("recordings/2026/04/", Token);
        var none = await Storage.ListAsync("recordings/2025/", Token);

        Assert.Equal(new[] { march2, march2b, april }.Order(StringComparer.Ordinal), all.Select(o => o.Key));
        Assert.All(all, o => Assert.Null(o.Sha256));
        Assert.Equal(new[] { march2, march2b }.Order(StringComparer.Ordinal), day.Select(o => o.Key));
        Assert.Equal([new StoredObject(april, 30, null)], month);
        Assert.Empty(none);
    }

    [Theory]
    [InlineData("")]
    [InlineData("recordings")]
    [InlineData("../")]
    [InlineData("_probe/")]
    [InlineData("recordings/2026/../../")]
    [InlineData("recordings/2026/03/02/0195a3b4c5d67e8f90123456789abcde.wav")]
    [InlineData("recordings/2026/\n")]
    public async Task ListAsync_PrefixNotMadeByStorageKeys_ThrowsArgumentException(string prefix)
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Storage.ListAsync(prefix, Token));
    }

    [Theory]
    [InlineData("../etc/passwd")]
    [InlineData("../escaped.wav")]
    [InlineData("recordings/../../x")]
    [InlineData("recordings/2026/03/02/../../../../../escaped.wav")]
    [InlineData("/tmp/escaped.wav")]
    [InlineData("_probe/0195a3b4c5d67e8f90123456789abcde")]
    [InlineData("recordings/2026/03/02/0195A3B4C5D67E8F90123456789ABCDE.wav")]
    [InlineData("recordings/2026/03/02/0195a3b4c5d67e8f90123456789abcde.wav.partial")]
    [InlineData("recordings/2026/03/02/0195a3b4c5d67e8f90123456789abcde.wav\n")]
    [InlineData("")]
    public async Task AnyOperation_KeyNotMadeByStorageKeys_ThrowsArgumentExceptionAndWritesNothing(string key)
    {
        var expiry = TimeProvider.System.GetUtcNow().AddMinutes(5);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Storage.PutAsync(key, new MemoryStream([1, 2, 3]), Token));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Storage.StatAsync(key, computeHash: true, Token));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Storage.OpenReadAsync(key, Token));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Storage.DeleteAsync(key, Token));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Storage.GetReadUrlAsync(key, expiry, Token));

        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task PutAsync_SourceThrowsMidway_LeavesNoObjectAndNoPendingUpload()
    {
        var key = StorageKeysFor.NewKey();

        await Assert.ThrowsAsync<IOException>(() => Storage.PutAsync(key, new PatternStream(MultipartBytes, failAfter: 11 * 1024 * 1024), Token));

        Assert.Null(await Storage.StatAsync(key, computeHash: false, Token));
        Assert.Null(await Storage.OpenReadAsync(key, Token));
        await AssertNothingStoredAsync();
        await AssertNoUnfinishedUploadsAsync();
    }

    [Fact]
    public async Task PutAsync_RetryAfterAFailedUpload_StoresTheWholeObject()
    {
        var key = StorageKeysFor.NewKey();
        await Assert.ThrowsAsync<IOException>(() => Storage.PutAsync(key, new PatternStream(MultipartBytes, failAfter: 11 * 1024 * 1024), Token));
        using var retry = new PatternStream(MultipartBytes);

        var stored = await Storage.PutAsync(key, retry, Token);

        Assert.Equal(new StoredObject(key, MultipartBytes, retry.Sha256), stored);
        Assert.Equal(retry.Sha256, await HashOfReadAsync(key));
        Assert.Equal([new StoredObject(key, MultipartBytes, null)], await Storage.ListAsync(StorageKeys.Root, Token));
    }

    [Fact]
    public async Task PutAsync_SourceThrowsMidwayOverAnExistingObject_KeepsTheOldObject()
    {
        var key = StorageKeysFor.NewKey();
        using var original = new PatternStream(20_000);
        await Storage.PutAsync(key, original, Token);

        await Assert.ThrowsAsync<IOException>(() => Storage.PutAsync(key, new PatternStream(MultipartBytes, failAfter: 11 * 1024 * 1024), Token));

        Assert.Equal(new StoredObject(key, 20_000, original.Sha256), await Storage.StatAsync(key, computeHash: true, Token));
        Assert.Equal([new StoredObject(key, 20_000, null)], await Storage.ListAsync(StorageKeys.Root, Token));
    }

    [Fact]
    public async Task CheckWritableAsync_WritableStore_LeavesNoProbeBehind()
    {
        await Storage.CheckWritableAsync(Token);

        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task OpenReadAsync_ServedWithRangeProcessing_Answers206WithTheSlice()
    {
        // What GET /api/recordings/{id}/audio does with the stream.
        var key = StorageKeysFor.NewKey();
        using var source = new PatternStream(200_000);
        await Storage.PutAsync(key, source, Token);
        var expected = Enumerable.Range(150_000, 1_000).Select(i => PatternStream.ByteAt(i)).ToArray();
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Request.Method = HttpMethods.Get;
        http.Request.Headers.Range = "bytes=150000-150999";
        using var body = new MemoryStream();
        http.Response.Body = body;

        var stream = await Storage.OpenReadAsync(key, Token);
        await Microsoft.AspNetCore.Http.TypedResults.Stream(stream!, "audio/wav", enableRangeProcessing: true).ExecuteAsync(http);

        Assert.Equal((int)HttpStatusCode.PartialContent, http.Response.StatusCode);
        Assert.Equal("bytes 150000-150999/200000", http.Response.Headers.ContentRange.ToString());
        Assert.Equal(expected, body.ToArray());
    }

    [Fact]
    public async Task ListAsync_ProbeLeftByAnInterruptedReadinessCheck_IsNotListed()
    {
        var key = StorageKeysFor.NewKey();
        await Storage.PutAsync(key, new MemoryStream([1, 2, 3]), Token);

        await LeaveProbeBehindAsync();

        Assert.Equal([new StoredObject(key, 3, null)], await Storage.ListAsync(StorageKeys.Root, Token));
    }

    /// <summary>Writes what the store's readiness check writes, as an instance killed before its delete leaves it.</summary>
    protected abstract Task LeaveProbeBehindAsync();
}
