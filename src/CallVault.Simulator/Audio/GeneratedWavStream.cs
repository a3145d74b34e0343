using System.Buffers.Binary;
using CallVault.Core.Audio;

namespace CallVault.Simulator.Audio;

/// <summary>
/// A read-only, seekable WAV (8 kHz, 16-bit PCM) whose samples are computed as they are read.
/// Memory use is constant whatever the duration.
/// </summary>
internal sealed class GeneratedWavStream : Stream
{
    public const int SampleRate = 8000;
    private const int BytesPerSample = 2;

    private readonly byte[] _header;
    private readonly int _channels;
    private readonly ulong _seed;
    private readonly long _length;
    private long _position;

    public GeneratedWavStream(int channels, long frames, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channels, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(frames);
        _channels = channels;
        _seed = seed;
        var dataBytes = frames * BytesPerSample * channels;
        _header = WavHeader.Create(channels, SampleRate, 16, dataBytes);
        _length = WavHeader.Size + dataBytes;
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _position = value;
        }
    }

    public static long LengthFor(int channels, long frames) => WavHeader.Size + (frames * BytesPerSample * channels);

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length && _position < _length)
        {
            if (_position < WavHeader.Size)
            {
                var fromHeader = (int)Math.Min(WavHeader.Size - _position, buffer.Length - written);
                _header.AsSpan((int)_position, fromHeader).CopyTo(buffer[written..]);
                written += fromHeader;
                _position += fromHeader;
                continue;
            }

            var dataPosition = _position - WavHeader.Size;
            var sampleIndex = dataPosition / BytesPerSample;
            var sample = ToneGenerator.Sample(_seed, sampleIndex / _channels, (int)(sampleIndex % _channels), _channels);
            if ((dataPosition & 1) == 0 && buffer.Length - written >= BytesPerSample && _length - _position >= BytesPerSample)
            {
                BinaryPrimitives.WriteInt16LittleEndian(buffer[written..], sample);
                written += BytesPerSample;
                _position += BytesPerSample;
            }
            else
            {
                var shift = (dataPosition & 1) == 0 ? 0 : 8;
                buffer[written] = (byte)((ushort)sample >> shift);
                written++;
                _position++;
            }
        }

        return written;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Read(buffer.Span));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Read(buffer.AsSpan(offset, count)));
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => _length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        Position = target;
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
