using System.Buffers.Binary;

namespace CallVault.Simulator.Tests.TestSupport;

internal static class WavAssert
{
    /// <summary>Checks a canonical 44-byte PCM header and returns (channels, sampleRate, bitsPerSample, dataBytes).</summary>
    public static (int Channels, int SampleRate, int Bits, long DataBytes) Header(ReadOnlySpan<byte> header)
    {
        Assert.True(header.Length >= 44, "A WAV file has at least 44 bytes.");
        Assert.True(header[..4].SequenceEqual("RIFF"u8), "RIFF tag");
        Assert.True(header[8..12].SequenceEqual("WAVE"u8), "WAVE tag");
        Assert.True(header[12..16].SequenceEqual("fmt "u8), "fmt chunk");
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(header[20..]));
        Assert.True(header[36..40].SequenceEqual("data"u8), "data chunk at offset 36");
        return (BinaryPrimitives.ReadUInt16LittleEndian(header[22..]),
            (int)BinaryPrimitives.ReadUInt32LittleEndian(header[24..]),
            BinaryPrimitives.ReadUInt16LittleEndian(header[34..]),
            BinaryPrimitives.ReadUInt32LittleEndian(header[40..]));
    }
}
