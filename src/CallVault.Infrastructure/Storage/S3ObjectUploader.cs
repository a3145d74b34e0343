using System.Buffers;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging;

namespace CallVault.Infrastructure.Storage;

/// <summary>
/// Streams a source into one S3 object holding at most one part in memory: a single PutObject when
/// the source fits in one part, otherwise a multipart upload that is aborted on any failure, so an
/// interrupted upload never becomes a visible object. (Stores that cannot abort keep the parts out of
/// sight; on AWS a lifecycle rule "AbortIncompleteMultipartUpload" cleans up after a killed process.)
/// </summary>
internal sealed class S3ObjectUploader(IAmazonS3 client, S3StorageOptions options, ILogger logger)
{
    private static readonly TimeSpan AbortTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Returns the number of write requests it took.</summary>
    public async Task<int> UploadAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        var partSize = options.PartSizeBytes;
        var buffer = ArrayPool<byte>.Shared.Rent(partSize);
        try
        {
            var filled = await content.ReadAtLeastAsync(buffer.AsMemory(0, partSize), partSize, throwOnEndOfStream: false, cancellationToken);
            if (filled < partSize)
            {
                await PutSingleAsync(key, buffer, filled, cancellationToken);
                return 1;
            }

            return await PutMultipartAsync(key, content, buffer, filled, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task PutSingleAsync(string key, byte[] buffer, int length, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(buffer, 0, length, writable: false);
        var request = new PutObjectRequest
        {
            BucketName = options.Bucket,
            Key = key,
            InputStream = body,
            AutoCloseStream = false,
            UseChunkEncoding = options.ChunkedUploads,
            ChecksumAlgorithm = RequestedChecksum,
        };
        await client.PutObjectAsync(request, cancellationToken);
    }

    private async Task<int> PutMultipartAsync(string key, Stream content, byte[] buffer, int filled, CancellationToken cancellationToken)
    {
        var partSize = options.PartSizeBytes;
        var started = await client.InitiateMultipartUploadAsync(
            new InitiateMultipartUploadRequest { BucketName = options.Bucket, Key = key, ChecksumAlgorithm = RequestedChecksum },
            cancellationToken);
        var uploadId = started.UploadId;
        var parts = new List<PartETag>();
        try
        {
            while (filled > 0)
            {
                parts.Add(await UploadPartAsync(key, uploadId, parts.Count + 1, buffer, filled, cancellationToken));
                if (filled < partSize)
                {
                    break;
                }

                filled = await content.ReadAtLeastAsync(buffer.AsMemory(0, partSize), partSize, throwOnEndOfStream: false, cancellationToken);
            }

            await client.CompleteMultipartUploadAsync(
                new CompleteMultipartUploadRequest { BucketName = options.Bucket, Key = key, UploadId = uploadId, PartETags = parts },
                cancellationToken);
            return parts.Count + 2;
        }
        catch (Exception failure)
        {
            await AbortAsync(key, uploadId, failure);
            throw;
        }
    }

    private async Task<PartETag> UploadPartAsync(string key, string uploadId, int partNumber, byte[] buffer, int length, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(buffer, 0, length, writable: false);
        var response = await client.UploadPartAsync(
            new UploadPartRequest
            {
                BucketName = options.Bucket,
                Key = key,
                UploadId = uploadId,
                PartNumber = partNumber,
                PartSize = length,
                InputStream = body,
                UseChunkEncoding = options.ChunkedUploads,
                ChecksumAlgorithm = RequestedChecksum,
            },
            cancellationToken);
        return new PartETag(response) { PartNumber = partNumber };
    }

    /// <summary>Runs even when the upload was cancelled (the caller's token is not used), bounded by a timeout.</summary>
    private async Task AbortAsync(string key, string uploadId, Exception failure)
    {
        using var timeout = new CancellationTokenSource(AbortTimeout);
        try
        {
            await client.AbortMultipartUploadAsync(
                new AbortMultipartUploadRequest { BucketName = options.Bucket, Key = key, UploadId = uploadId }, timeout.Token);
            S3StorageLog.MultipartAborted(logger, key, uploadId);
        }
        catch (Exception abortFailure) when (abortFailure is not OutOfMemoryException)
        {
            // The upload's own failure is what the caller must see; this one is logged.
            S3StorageLog.AbortFailed(logger, new AggregateException(failure, abortFailure), key, uploadId);
        }
    }

    /// <summary>
    /// A server-side SHA-256 only with chunked uploads: the SDK sends it as a trailing checksum of the
    /// aws-chunked body, which stores without chunked support reject or store as part of the object.
    /// In compatibility mode the read-back SHA-256 is the integrity check.
    /// </summary>
    private ChecksumAlgorithm? RequestedChecksum => options.ChunkedUploads ? ChecksumAlgorithm.SHA256 : null;
}
