namespace CallVault.Core.Audio;

/// <summary>
/// A small reusable read buffer over a seekable stream: callers ask for a few bytes at an absolute
/// position and the window refills itself from there. Memory use is one buffer, whatever the file size.
/// </summary>
internal sealed class StreamWindow
{
    public const int DefaultBufferSize = 64 * 1024;

    private readonly Stream _stream;
    private readonly byte[] _buffer;
    private long _start;
    private int _length;

    public StreamWindow(Stream stream, int bufferSize = DefaultBufferSize)
    {
        _stream = stream;
        _buffer = new byte[bufferSize];
        Length = stream.Length;
    }

    /// <summary>Length of the stream when inspection started.</summary>
    public long Length { get; }

    public int BufferSize => _buffer.Length;

    /// <summary>
    /// Makes <paramref name="count"/> bytes at <paramref name="position"/> available to <see cref="Slice"/>.
    /// Returns how many are available: fewer than asked only at the end of the stream.
    /// </summary>
    public async ValueTask<int> LoadAsync(long position, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length);
        if (position < 0 || position >= Length)
        {
            return 0;
        }

        if (position >= _start && position + count <= _start + _length)
        {
            return count;
        }

        _stream.Seek(position, SeekOrigin.Begin);
        _start = position;
        _length = 0;
        var toRead = (int)Math.Min(_buffer.Length, Length - position);
        _length = await _stream
            .ReadAtLeastAsync(_buffer.AsMemory(0, toRead), toRead, throwOnEndOfStream: false, cancellationToken)
            .ConfigureAwait(false);
        return Math.Min(count, _length);
    }

    /// <summary>Bytes previously made available by <see cref="LoadAsync"/>.</summary>
    public ReadOnlySpan<byte> Slice(long position, int count) => _buffer.AsSpan((int)(position - _start), count);
}
