using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using CallVault.Infrastructure.Storage;
using CallVault.Infrastructure.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallVault.Infrastructure.Tests.Storage;

/// <summary>
/// The shared contract against a real S3-compatible server (s3rver, see <see cref="S3TestServer"/>),
/// one fresh bucket per test, in compatibility mode (ChunkedUploads=false, as s3rver needs), plus
/// what only S3 has: presigned URLs, the multipart abort, the chunked-upload switch.
/// </summary>
public sealed class S3RecordingStorageTests : RecordingStorageContract
{
    private S3TestServer _server = null!;
    private S3StorageOptions _options = null!;
    private AmazonS3Client? _client;
    private S3CallRecorder _calls = null!;

    [Fact]
    public async Task GetReadUrlAsync_StoredObject_PresignedUrlServesTheExactBytesWithoutCredentials()
    {
        var key = StorageKeysFor.NewKey();
        var bytes = RandomNumberGenerator.GetBytes(100_000);
        await Storage.PutAsync(key, new MemoryStream(bytes), Token);

        var url = await Storage.GetReadUrlAsync(key, TimeProvider.System.GetUtcNow().AddMinutes(10), Token);

        Assert.NotNull(url);
        Assert.Equal(_server.ServiceUrl.Scheme, url.Scheme);
        Assert.Equal(_server.ServiceUrl.Authority, url.Authority);
        Assert.StartsWith($"/{_options.Bucket}/{key}", url.AbsolutePath, StringComparison.Ordinal);
        using var http = new HttpClient();
        Assert.Equal(bytes, await http.GetByteArrayAsync(url, Token));
    }

    [Fact]
    public async Task GetReadUrlAsync_RangeHeader_Answers206WithTheSlice()
    {
        var key = StorageKeysFor.NewKey();
        var bytes = RandomNumberGenerator.GetBytes(100_000);
        await Storage.PutAsync(key, new MemoryStream(bytes), Token);
        var url = await Storage.GetReadUrlAsync(key, TimeProvider.System.GetUtcNow().AddMinutes(10), Token);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Range = new RangeHeaderValue(1_000, 1_999);

        using var response = await http.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(bytes[1_000..2_000], await response.Content.ReadAsByteArrayAsync(Token));
    }

    [Fact]
    public async Task PutAsync_ChunkedUploadsAgainstAStoreWithoutChunkedSupport_ReadBackExposesTheCorruption()
    {
        // s3rver keeps the aws-chunked framing inside the object. The upload "succeeds"; only the
        // read-back hash tells, which is why PutAsync returns what the store holds.
        var chunked = _server.NewBucketOptions(chunkedUploads: true);
        using var client = S3ClientFactory.Create(chunked);
        var storage = new S3RecordingStorage(client, chunked, NullLogger.Instance);
        var key = StorageKeysFor.NewKey();
        using var source = new PatternStream(100_000);

        var stored = await storage.PutAsync(key, source, Token);

        Assert.NotEqual(source.Sha256, stored.Sha256);
        Assert.True(stored.SizeBytes > 100_000, $"stored {stored.SizeBytes} bytes");
        await using var read = await storage.OpenReadAsync(key, Token);
        var start = new byte[100];
        await read!.ReadExactlyAsync(start, Token);
        Assert.Contains(";chunk-signature=", System.Text.Encoding.ASCII.GetString(start), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutAsync_SourceThrowsMidMultipart_AbortsTheUploadItStarted()
    {
        var key = StorageKeysFor.NewKey();

        await Assert.ThrowsAsync<IOException>(() => Storage.PutAsync(key, new PatternStream(MultipartBytes, failAfter: 11 * 1024 * 1024), Token));

        Assert.Single(_calls.StartedUploads);
        Assert.Equal(_calls.StartedUploads, _calls.AbortedUploads);
    }

    [Fact]
    public async Task CheckWritableAsync_MissingBucketWithoutAutoCreate_Throws()
    {
        var options = _server.NewBucketOptions();
        options.AutoCreateBucket = false;
        using var client = S3ClientFactory.Create(options);
        var storage = new S3RecordingStorage(client, options, NullLogger.Instance);

        await Assert.ThrowsAsync<AmazonS3Exception>(() => storage.CheckWritableAsync(Token));
        await Assert.ThrowsAsync<AmazonS3Exception>(() => storage.StatAsync(StorageKeysFor.NewKey(), computeHash: false, Token));
    }

    [Fact]
    public async Task CheckWritableAsync_ProbesLeftMinutesAgo_DeletesThemAndKeepsRecordings()
    {
        var key = StorageKeysFor.NewKey();
        await Storage.PutAsync(key, new MemoryStream([1, 2, 3]), Token);
        await LeaveProbeAsync();
        var later = new ManualTimeProvider(TimeProvider.System.GetUtcNow() + S3ProbeSweep.StaleAfter + TimeSpan.FromMinutes(1));
        var storage = new S3RecordingStorage(_client!, _options, NullLogger.Instance, time: later);

        await storage.CheckWritableAsync(Token);

        Assert.Equal([key], await BucketKeysAsync());
    }

    [Fact]
    public async Task CheckWritableAsync_ProbeJustWritten_IsLeftForTheInstanceStillUsingIt()
    {
        var left = await LeaveProbeAsync();
        var storage = new S3RecordingStorage(_client!, _options, NullLogger.Instance, time: new ManualTimeProvider(TimeProvider.System.GetUtcNow()));

        await storage.CheckWritableAsync(Token);

        Assert.Equal([left], await BucketKeysAsync());
    }

    protected override async Task LeaveProbeBehindAsync() => await LeaveProbeAsync();

    private async Task<string> LeaveProbeAsync()
    {
        var key = $"{S3ProbeSweep.Prefix}{Guid.NewGuid():N}";
        await _client!.PutObjectAsync(new PutObjectRequest { BucketName = _options.Bucket, Key = key, ContentBody = "ok", UseChunkEncoding = false }, Token);
        return key;
    }

    private async Task<List<string>> BucketKeysAsync()
    {
        var listing = await _client!.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _options.Bucket }, Token);
        return [.. (listing.S3Objects ?? []).Select(o => o.Key).Order(StringComparer.Ordinal)];
    }

    protected override async Task<IRecordingStorage> CreateStorageAsync()
    {
        _server = await S3TestServer.GetAsync();
        _options = _server.NewBucketOptions();
        _client = S3ClientFactory.Create(_options);
        _calls = S3CallRecorder.Wrap(_client);
        var storage = new S3RecordingStorage(_calls.Client, _options, NullLogger.Instance);
        await storage.CheckWritableAsync(Token);
        return storage;
    }

    protected override Task DisposeStorageAsync()
    {
        _client?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The whole bucket, not only <c>recordings/</c>: no probe, no stray object.</summary>
    protected override async Task AssertNothingStoredAsync()
    {
        var listing = await _client!.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _options.Bucket }, Token);
        Assert.Empty(listing.S3Objects ?? []);
    }

    /// <summary>
    /// Every multipart upload started was aborted; and, where the server can list them, none is
    /// pending. (s3rver answers NotImplemented to ListMultipartUploads and 405 to the abort itself.)
    /// </summary>
    protected override async Task AssertNoUnfinishedUploadsAsync()
    {
        Assert.Equal(_calls.StartedUploads, _calls.AbortedUploads);
        try
        {
            var pending = await _client!.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = _options.Bucket }, Token);
            Assert.Empty(pending.MultipartUploads ?? []);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NotImplemented")
        {
            // The server cannot tell; the recorded abort above is the evidence.
        }
    }
}
