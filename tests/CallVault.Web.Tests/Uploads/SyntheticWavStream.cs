using System.Buffers.Binary;
using System.Security.Cryptography;

namespace CallVault.Web.Tests.Uploads;

/// <summary>
/// A PCM WAV file generated while it is read (16-bit, 8 kHz), never held in memory: a forward-only
/// stream that hashes what it hands out, so the test knows the SHA-256 the server must store.
/// </summary>
internal sealed class SyntheticWavStream(long dataBytes, int channels = 2) : Stream
{
    private const int HeaderBytes = 44;
    private const int SampleRate = 8000;
    /// <summary>An odd length, so the pattern does not line up with buffer or block sizes.</summary>
    private static readonly byte[] Pattern = CreatePattern(65_521);
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly long _dataBytes = dataBytes - (dataBytes % (2 * channels));
    private long _position;
    private string? _sha256;

    public long TotalBytes => HeaderBytes + _dataBytes;

    /// <summary>Lowercase hex SHA-256 of every byte read; available once the stream was read to the end.</summary>
    public string Sha256 => _sha256 ?? throw new InvalidOperationException("The stream was not read to the end.");

    public static byte[] Create(double seconds, int channels = 2)
    {
        using var stream = new SyntheticWavStream((long)(seconds * SampleRate) * 2 * channels, channels);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var total = TotalBytes;
        var n = (int)Math.Min(buffer.Length, total - _position);
        if (n <= 0)
        {
            _sha256 ??= Convert.ToHexStringLower(_hash.GetHashAndReset());
            return 0;
        }

        var target = buffer[..n];
        for (var i = 0; i < n;)
        {
            var at = _position + i;
            if (at < HeaderBytes)
            {
                i += CopyHeader(target[i..], (int)at);
            }
            else
            {
                // A deterministic pattern, copied in blocks so generating it costs next to nothing.
                var offset = (int)((at - HeaderBytes) % Pattern.Length);
                var take = Math.Min(Pattern.Length - offset, n - i);
                Pattern.AsSpan(offset, take).CopyTo(target[i..]);
                i += take;
            }
        }

        _hash.AppendData(target);
        _position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }

    private static byte[] CreatePattern(int length)
    {
        var pattern = new byte[length];
        for (var i = 0; i < length; i++)
        {
            pattern[i] = (byte)((i * 31) ^ (i >> 9));
        }

        return pattern;
    }

    private int CopyHeader(Span<byte> target, int from)
    {
        Span<byte> header = stackalloc byte[HeaderBytes];
        WriteHeader(header);
        var take = Math.Min(HeaderBytes - from, target.Length);
        header.Slice(from, take).CopyTo(target);
        return take;
    }

    private void WriteHeader(Span<byte> header)
    {
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)(36 + _dataBytes));
        "WAVEfmt "u8.CopyTo(header[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(header[20..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(header[22..], (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(header[24..], SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(header[28..], (uint)(SampleRate * 2 * channels));
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], (ushort)(2 * channels));
        BinaryPrimitives.WriteUInt16LittleEndian(header[34..], 16);
        "data"u8.CopyTo(header[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[40..], (uint)_dataBytes);
    }
}
