using Amazon.S3;
using Amazon.S3.Model;

namespace CallVault.Infrastructure.Storage;

/// <summary>
/// A seekable, read-only view of one S3 object, so HTTP Range requests work on it. Length comes from
/// a HEAD; Seek only moves Position; the first read after a seek issues a ranged GET from Position
/// to the end, whose body serves the following sequential reads. Every GET is pinned to the ETag the
/// HEAD saw, so an object replaced mid-read fails the read instead of mixing two versions.
/// Synchronous reads are not supported: they would block a thread on network I/O.
/// </summary>
internal sealed class RangedS3ReadStream(IAmazonS3 client, string bucket, string key, long length, string? eTag) : Stream
{
    private GetObjectResponse? _response;
    private Stream? _body;
    private long _bodyPosition = -1;
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), "Position cannot be negative.");
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        return _position;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty || _position >= length)
        {
            return 0;
        }

        if (_body is null || _bodyPosition != _position)
        {
            await OpenAtPositionAsync(cancellationToken);
        }

        var read = await _body!.ReadAsync(buffer, cancellationToken);
        if (read == 0)
        {
            throw new IOException($"The S3 object {key} ended at {_position} bytes; {length} were expected.");
        }

        _position += read;
        _bodyPosition = _position;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("Synchronous reads would block on network I/O; use ReadAsync.");

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        CloseBody();
        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            CloseBody();
        }

        base.Dispose(disposing);
    }

    private async Task OpenAtPositionAsync(CancellationToken cancellationToken)
    {
        CloseBody();
        var request = new GetObjectRequest { BucketName = bucket, Key = key, ByteRange = new ByteRange(_position, length - 1) };
        if (eTag is not null)
        {
            request.EtagToMatch = eTag;
        }

        try
        {
            _response = await client.GetObjectAsync(request, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode is System.Net.HttpStatusCode.PreconditionFailed or System.Net.HttpStatusCode.NotFound)
        {
            throw new IOException($"The S3 object {key} changed or disappeared while it was being read.", e);
        }

        _body = _response.ResponseStream;
        _bodyPosition = _position;
    }

    private void CloseBody()
    {
        _body?.Dispose();
        _response?.Dispose();
        _body = null;
        _response = null;
        _bodyPosition = -1;
    }
}
