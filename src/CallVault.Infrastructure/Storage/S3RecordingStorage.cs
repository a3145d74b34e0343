using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Storage;

/// <summary>
/// Any S3-compatible store. Writes stream through <see cref="S3ObjectUploader"/> (one part in memory),
/// then the object is read back and hashed, so the returned size and SHA-256 describe what the store
/// holds, not what was sent: a store that mangles bodies (e.g. keeps aws-chunked framing) is caught here.
/// </summary>
internal sealed class S3RecordingStorage : IRecordingStorage, IDisposable
{
    private readonly IAmazonS3 _client;
    private readonly S3StorageOptions _options;
    private readonly ILogger _logger;
    private readonly S3ObjectUploader _uploader;
    private readonly S3ProbeSweep _probeSweep;
    private readonly bool _ownsClient;
    private volatile bool _bucketReady;

    public S3RecordingStorage(IOptions<StorageOptions> options, TimeProvider time, ILogger<S3RecordingStorage> logger)
        : this(S3ClientFactory.Create(options.Value.S3), options.Value.S3, logger, ownsClient: true, time)
    {
    }

    internal S3RecordingStorage(IAmazonS3 client, S3StorageOptions options, ILogger logger, bool ownsClient = false, TimeProvider? time = null)
    {
        _client = client;
        _options = options;
        _logger = logger;
        _ownsClient = ownsClient;
        _uploader = new S3ObjectUploader(client, options, logger);
        _probeSweep = new S3ProbeSweep(client, options.Bucket!, time ?? TimeProvider.System, logger);
    }

    public string Name => "s3";

    private string Bucket => _options.Bucket!;

    public async Task<StoredObject> PutAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        Guard(key);
        ArgumentNullException.ThrowIfNull(content);
        await EnsureBucketAsync(cancellationToken);
        var requests = await _uploader.UploadAsync(key, content, cancellationToken);
        S3StorageLog.Wrote(_logger, key, requests);
        return await S3ReadBack.HashAsync(_client, Bucket, key, cancellationToken)
            ?? throw new IOException($"Object {key} vanished right after it was written.");
    }

    public async Task<StoredObject?> StatAsync(string key, bool computeHash, CancellationToken cancellationToken)
    {
        Guard(key);
        await EnsureBucketAsync(cancellationToken);
        if (computeHash)
        {
            return await S3ReadBack.HashAsync(_client, Bucket, key, cancellationToken);
        }

        var head = await HeadAsync(key, cancellationToken);
        return head is null ? null : new StoredObject(key, head.ContentLength, null);
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        Guard(key);
        var head = await HeadAsync(key, cancellationToken);
        return head is null ? null : new RangedS3ReadStream(_client, Bucket, key, head.ContentLength, head.ETag);
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        Guard(key);
        await _client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = Bucket, Key = key }, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredObject>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        if (!StorageKeys.IsWellFormedPrefix(prefix))
        {
            throw new ArgumentException("Not a CallVault storage key prefix.", nameof(prefix));
        }

        var objects = new List<StoredObject>();
        var request = new ListObjectsV2Request { BucketName = Bucket, Prefix = prefix };
        ListObjectsV2Response page;
        do
        {
            page = await _client.ListObjectsV2Async(request, cancellationToken);
            objects.AddRange(from item in page.S3Objects ?? []
                             where StorageKeys.IsWellFormed(item.Key)
                             select new StoredObject(item.Key, item.Size ?? 0, null));
            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true && !string.IsNullOrEmpty(page.NextContinuationToken));

        objects.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return objects;
    }

    public async Task<Uri?> GetReadUrlAsync(string key, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        Guard(key);
        var request = new GetPreSignedUrlRequest
        {
            BucketName = Bucket,
            Key = key,
            Verb = HttpVerb.GET,
            Expires = expiresAt.UtcDateTime,
            // The SDK defaults to https whatever the endpoint; follow the configured ServiceUrl.
            Protocol = _options.ServiceUrl!.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? Protocol.HTTP : Protocol.HTTPS,
        };
        return new Uri(await _client.GetPreSignedURLAsync(request));
    }

    /// <summary>
    /// Writes and deletes a tiny object under <c>_probe/</c>, a prefix no recording key has (so no listing
    /// shows it), then removes old probes that stopped instances left behind (<see cref="S3ProbeSweep"/>).
    /// </summary>
    public async Task CheckWritableAsync(CancellationToken cancellationToken)
    {
        await EnsureBucketAsync(cancellationToken);
        var probe = $"{S3ProbeSweep.Prefix}{Guid.NewGuid():N}";
        using var body = new MemoryStream("ok"u8.ToArray(), writable: false);
        await _client.PutObjectAsync(
            new PutObjectRequest { BucketName = Bucket, Key = probe, InputStream = body, UseChunkEncoding = _options.ChunkedUploads },
            cancellationToken);
        await _client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = Bucket, Key = probe }, cancellationToken);
        await _probeSweep.RunIfDueAsync(cancellationToken);
    }

    public void Dispose()
    {
        if (_ownsClient)
        {
            _client.Dispose();
        }
    }

    private static void Guard(string key)
    {
        if (!StorageKeys.IsWellFormed(key))
        {
            throw new ArgumentException("Not a CallVault storage key.", nameof(key));
        }
    }

    private async Task<GetObjectMetadataResponse?> HeadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await _client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = Bucket, Key = key }, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            // A HEAD has no error body: a missing bucket also answers 404. Absent means the key only.
            await _client.HeadBucketAsync(new HeadBucketRequest { BucketName = Bucket }, cancellationToken);
            return null;
        }
    }

    private async Task EnsureBucketAsync(CancellationToken cancellationToken)
    {
        if (!_options.AutoCreateBucket || _bucketReady)
        {
            return;
        }

        try
        {
            await _client.PutBucketAsync(new PutBucketRequest { BucketName = Bucket, UseClientRegion = true }, cancellationToken);
            S3StorageLog.BucketCreated(_logger, Bucket);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
            // Already there.
        }

        _bucketReady = true;
    }
}
