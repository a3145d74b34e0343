using System.Buffers.Binary;

namespace CallVault.Core.Audio;

/// <summary>
/// Walks the chunks of a RIFF/WAVE file (skipping LIST, fact and any other chunk, with word-aligned
/// padding), validates <c>fmt </c> and measures <c>data</c> against the bytes actually in the file.
/// </summary>
internal static class WavReader
{
    private const int ChunkHeaderSize = 8;
    private const long RiffHeaderSize = 12;

    public static bool IsWav(ReadOnlySpan<byte> head) =>
        head.Length >= RiffHeaderSize && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WAVE"u8);

    public static async Task<AudioInspection> ReadAsync(StreamWindow window, CancellationToken cancellationToken)
    {
        var position = RiffHeaderSize;
        WavFormat? format = null;
        while (true)
        {
            var available = await window.LoadAsync(position, ChunkHeaderSize, cancellationToken).ConfigureAwait(false);
            if (available < ChunkHeaderSize)
            {
                return Invalid(format is null ? "WAV has no fmt chunk" : "WAV has no data chunk");
            }

            var header = window.Slice(position, ChunkHeaderSize);
            var isFmt = header[..4].SequenceEqual("fmt "u8);
            var isData = header[..4].SequenceEqual("data"u8);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
            var body = position + ChunkHeaderSize;

            if (isData)
            {
                return format is null
                    ? Invalid("WAV data chunk comes before the fmt chunk")
                    : MeasureData(format, size, window.Length - body);
            }

            if (isFmt)
            {
                if (format is not null)
                {
                    return Invalid("WAV has more than one fmt chunk");
                }

                var wanted = (int)Math.Min(size, WavFormat.MaxChunkBytes);
                var read = await window.LoadAsync(body, wanted, cancellationToken).ConfigureAwait(false);
                if (read < wanted)
                {
                    return Invalid($"truncated: WAV fmt chunk declares {size} bytes, file holds {read}");
                }

                format = WavFormat.Parse(window.Slice(body, wanted), out var reason);
                if (format is null)
                {
                    return Invalid(reason);
                }
            }

            position = body + size + (size & 1);
        }
    }

    private static AudioInspection MeasureData(WavFormat format, uint declared, long remaining)
    {
        long dataBytes;
        if (declared == uint.MaxValue || (declared == 0 && remaining > 0))
        {
            // Streaming writers leave the size unknown: the audio runs to the end of the file.
            dataBytes = remaining;
        }
        else if (declared > remaining)
        {
            return Invalid($"truncated: header declares {declared} bytes of audio, file holds {remaining}");
        }
        else
        {
            dataBytes = declared;
        }

        if (dataBytes < format.BlockAlign)
        {
            return Invalid("WAV data chunk holds no audio");
        }

        var info = new AudioInfo(
            AudioFormat.Wav,
            format.Codec,
            format.Channels,
            format.SampleRate,
            format.BitsPerSample,
            (double)dataBytes / format.ByteRate,
            dataBytes);
        return new AudioInspection.Valid(info);
    }

    private static AudioInspection.Invalid Invalid(string reason) => new(reason);
}
