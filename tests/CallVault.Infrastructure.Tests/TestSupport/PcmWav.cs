using System.Buffers.Binary;

namespace CallVault.Infrastructure.Tests.TestSupport;

/// <summary>
/// A 16-bit PCM WAV read the way a speech engine would check it (RIFF/WAVE, fmt, data chunks), with its
/// samples per channel and where speech energy is. Test-side and independent of CallVault's own reader.
/// </summary>
public sealed record PcmWav(int Format, int Channels, int SampleRate, int BitsPerSample, short[][] Samples)
{
    public double DurationSeconds => Samples.Length == 0 ? 0 : (double)Samples[0].Length / SampleRate;

    public static PcmWav Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 12 || !bytes[..4].SequenceEqual("RIFF"u8) || !bytes[8..12].SequenceEqual("WAVE"u8))
        {
            throw new FormatException("not a RIFF/WAVE file");
        }

        int format = 0, channels = 0, rate = 0, bits = 0;
        var offset = 12;
        while (offset + 8 <= bytes.Length)
        {
            var id = bytes.Slice(offset, 4);
            var size = BinaryPrimitives.ReadInt32LittleEndian(bytes.Slice(offset + 4, 4));
            var body = bytes.Slice(offset + 8, Math.Min(size, bytes.Length - offset - 8));
            if (id.SequenceEqual("fmt "u8))
            {
                format = BinaryPrimitives.ReadUInt16LittleEndian(body);
                channels = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
                rate = BinaryPrimitives.ReadInt32LittleEndian(body[4..]);
                bits = BinaryPrimitives.ReadUInt16LittleEndian(body[14..]);
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (format != 1 || bits != 16 || channels < 1)
                {
                    throw new FormatException($"not 16-bit PCM (format {format}, {bits} bits, {channels} channels)");
                }

                var frames = body.Length / (2 * channels);
                var samples = Enumerable.Range(0, channels).Select(_ => new short[frames]).ToArray();
                for (var i = 0; i < frames; i++)
                {
                    for (var c = 0; c < channels; c++)
                    {
                        samples[c][i] = BinaryPrimitives.ReadInt16LittleEndian(body[(((i * channels) + c) * 2)..]);
                    }
                }

                return new PcmWav(format, channels, rate, bits, samples);
            }

            offset += 8 + size + (size & 1);
        }

        throw new FormatException("no data chunk");
    }

    /// <summary>A 16-bit PCM WAV of the given channels (equal lengths).</summary>
    public static byte[] Create(int sampleRate, params short[][] channels)
    {
        var frames = channels[0].Length;
        var data = new byte[frames * channels.Length * 2];
        for (var i = 0; i < frames; i++)
        {
            for (var c = 0; c < channels.Length; c++)
            {
                BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(((i * channels.Length) + c) * 2), channels[c][i]);
            }
        }

        var header = new byte[44];
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), 36 + data.Length);
        "WAVEfmt "u8.CopyTo(header.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(22), (short)channels.Length);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(24), sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(28), sampleRate * channels.Length * 2);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(32), (short)(channels.Length * 2));
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(34), 16);
        "data"u8.CopyTo(header.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(40), data.Length);
        return [.. header, .. data];
    }

    /// <summary>
    /// Stretches of one channel where the signal is loud (20 ms frames over a fixed RMS), pauses shorter
    /// than <paramref name="mergeGapSeconds"/> bridged; (start, end) in seconds.
    /// </summary>
    public IReadOnlyList<(double Start, double End)> SpeechRegions(int channel = 0, double mergeGapSeconds = 0.6)
    {
        var frame = SampleRate / 50;
        var samples = Samples[channel];
        List<(double Start, double End)> regions = [];
        for (var i = 0; i + frame <= samples.Length; i += frame)
        {
            double sum = 0;
            for (var j = i; j < i + frame; j++)
            {
                sum += (double)samples[j] * samples[j];
            }

            if (Math.Sqrt(sum / frame) < 300)
            {
                continue;
            }

            var (start, end) = ((double)i / SampleRate, (double)(i + frame) / SampleRate);
            if (regions.Count > 0 && start - regions[^1].End < mergeGapSeconds)
            {
                regions[^1] = (regions[^1].Start, end);
            }
            else
            {
                regions.Add((start, end));
            }
        }

        return [.. regions.Where(r => r.End - r.Start >= 0.15)];
    }
}
