namespace CallVault.Core.Tests.Audio;

/// <summary>Wraps a stream and records how much is read and the largest single read, to show streaming.</summary>
internal sealed class ReadTrackingStream(Stream inner) : Stream
{
    public long TotalBytesRead { get; private set; }

    public int LargestRead { get; private set; }

    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => inner.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => Track(count, inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Track(buffer.Length, inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Track(buffer.Length, await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Track(int requested, int read)
    {
        LargestRead = Math.Max(LargestRead, requested);
        TotalBytesRead += read;
        return read;
    }
}
