using System.Buffers.Binary;
using System.Text;
using CallVault.Core.Audio;

namespace CallVault.Core.Tests.Audio;

/// <summary>Builds WAV files in memory and finds the committed MP3 fixtures.</summary>
internal static class TestAudio
{
    public const ushort Pcm = 1;
    public const ushort IeeeFloat = 3;
    public const ushort ALaw = 6;
    public const ushort MuLaw = 7;
    public const ushort Extensible = 0xFFFE;

    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "Audio", name);

    public static byte[] Fixture(string name) => File.ReadAllBytes(FixturePath(name));

    public static Task<AudioInspection> InspectAsync(byte[] bytes)
    {
        var stream = new MemoryStream(bytes, writable: false);
        return AudioInspector.InspectAsync(stream, CancellationToken.None);
    }

    /// <summary>A 440 Hz tone as 16-bit little-endian PCM, the same sample on every channel.</summary>
    public static byte[] Pcm16Samples(int channels, int sampleRate, double seconds)
    {
        var frames = (int)Math.Round(sampleRate * seconds);
        var data = new byte[frames * channels * 2];
        for (var i = 0; i < frames; i++)
        {
            var sample = (short)(Math.Sin(2 * Math.PI * 440 * i / sampleRate) * 8000);
            for (var c = 0; c < channels; c++)
            {
                BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(((i * channels) + c) * 2), sample);
            }
        }

        return data;
    }

    /// <summary>A canonical PCM WAV from <see cref="WavHeader.Create"/>.</summary>
    public static byte[] Pcm16Wav(int channels, int sampleRate, double seconds)
    {
        var samples = Pcm16Samples(channels, sampleRate, seconds);
        return [.. WavHeader.Create(channels, sampleRate, 16, samples.Length), .. samples];
    }

    /// <summary>A chunk with its 8-byte header and, for odd sizes, the pad byte.</summary>
    public static byte[] Chunk(string id, byte[] body, uint? declaredSize = null)
    {
        var chunk = new byte[8 + body.Length + (body.Length & 1)];
        Encoding.ASCII.GetBytes(id).CopyTo(chunk, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(4), declaredSize ?? (uint)body.Length);
        body.CopyTo(chunk, 8);
        return chunk;
    }

    /// <summary>A 16-byte <c>fmt </c> body; block align and byte rate derived unless given.</summary>
    public static byte[] FmtBody(ushort formatTag, int channels, int sampleRate, int bits, int? blockAlign = null, int? byteRate = null)
    {
        var body = new byte[16];
        var align = blockAlign ?? (channels * bits / 8);
        BinaryPrimitives.WriteUInt16LittleEndian(body, formatTag);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(2), (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(4), (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(8), (uint)(byteRate ?? (sampleRate * align)));
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(12), (ushort)align);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(14), (ushort)bits);
        return body;
    }

    /// <summary>A 40-byte WAVE_FORMAT_EXTENSIBLE <c>fmt </c> body whose subformat GUID carries <paramref name="subFormat"/>.</summary>
    public static byte[] ExtensibleFmtBody(ushort subFormat, int channels, int sampleRate, int bits)
    {
        var body = new byte[40];
        FmtBody(Extensible, channels, sampleRate, bits).CopyTo(body, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(16), 22);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(18), (ushort)bits);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(20), channels == 2 ? 0x3u : 0x4u);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(24), subFormat);
        byte[] guidTail = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];
        guidTail.CopyTo(body, 26);
        return body;
    }

    /// <summary>RIFF/WAVE around the given chunks; the RIFF size is computed from them.</summary>
    public static byte[] Riff(params byte[][] chunks)
    {
        var body = chunks.SelectMany(c => c).ToArray();
        var riff = new byte[12 + body.Length];
        "RIFF"u8.CopyTo(riff);
        BinaryPrimitives.WriteUInt32LittleEndian(riff.AsSpan(4), (uint)(4 + body.Length));
        "WAVE"u8.CopyTo(riff.AsSpan(8));
        body.CopyTo(riff, 12);
        return riff;
    }

    public static AudioInfo AssertValid(AudioInspection inspection)
    {
        var valid = Assert.IsType<AudioInspection.Valid>(inspection);
        return valid.Info;
    }

    public static string AssertInvalid(AudioInspection inspection)
    {
        var invalid = Assert.IsType<AudioInspection.Invalid>(inspection);
        Assert.False(string.IsNullOrWhiteSpace(invalid.Reason));
        return invalid.Reason;
    }
}
