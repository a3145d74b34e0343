using System.Buffers.Binary;

namespace CallVault.Core.Audio;

/// <summary>The validated contents of a WAV <c>fmt </c> chunk.</summary>
internal sealed record WavFormat(string Codec, int Channels, int SampleRate, int BitsPerSample, int BlockAlign)
{
    private const ushort Pcm = 0x0001;
    private const ushort IeeeFloat = 0x0003;
    private const ushort ALaw = 0x0006;
    private const ushort MuLaw = 0x0007;
    private const ushort Extensible = 0xFFFE;

    /// <summary>Bytes of the <c>fmt </c> chunk worth reading (WAVE_FORMAT_EXTENSIBLE is 40).</summary>
    public const int MaxChunkBytes = 40;

    /// <summary>KSDATAFORMAT_SUBTYPE_* GUIDs share these last 14 bytes; the first two hold the format code.</summary>
    private static ReadOnlySpan<byte> SubFormatGuidTail =>
        [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    public long ByteRate => (long)SampleRate * BlockAlign;

    /// <summary>Parses and validates a <c>fmt </c> chunk body; returns null and a reason when it is unusable.</summary>
    public static WavFormat? Parse(ReadOnlySpan<byte> chunk, out string reason)
    {
        reason = string.Empty;
        if (chunk.Length < 16)
        {
            reason = $"WAV fmt chunk is too short ({chunk.Length} bytes)";
            return null;
        }

        var formatTag = BinaryPrimitives.ReadUInt16LittleEndian(chunk);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(chunk[2..]);
        var sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
        var byteRate = BinaryPrimitives.ReadUInt32LittleEndian(chunk[8..]);
        var blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(chunk[12..]);
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(chunk[14..]);

        if (formatTag == Extensible)
        {
            if (chunk.Length < MaxChunkBytes || BinaryPrimitives.ReadUInt16LittleEndian(chunk[16..]) < 22)
            {
                reason = "WAV WAVE_FORMAT_EXTENSIBLE fmt chunk is too short";
                return null;
            }

            var subFormat = chunk[24..40];
            if (!subFormat[2..].SequenceEqual(SubFormatGuidTail))
            {
                reason = "WAV WAVE_FORMAT_EXTENSIBLE has an unknown subformat GUID";
                return null;
            }

            formatTag = BinaryPrimitives.ReadUInt16LittleEndian(subFormat);
        }

        if (channels is < 1 or > 8)
        {
            reason = $"WAV channel count {channels} is outside 1..8";
            return null;
        }

        if (sampleRate is < 1000 or > 384000)
        {
            reason = $"WAV sample rate {sampleRate} Hz is outside 1000..384000";
            return null;
        }

        var codec = CodecName(formatTag, bits);
        if (codec is null)
        {
            reason = $"unsupported WAV encoding: format code 0x{formatTag:X4} with {bits} bits per sample";
            return null;
        }

        var expectedBlockAlign = channels * bits / 8;
        if (blockAlign != expectedBlockAlign)
        {
            reason = $"WAV block align {blockAlign} does not match {channels} channel(s) × {bits} bits (expected {expectedBlockAlign})";
            return null;
        }

        var format = new WavFormat(codec, channels, (int)sampleRate, bits, blockAlign);
        if (byteRate != format.ByteRate)
        {
            reason = $"WAV byte rate {byteRate} does not match {sampleRate} Hz × {blockAlign} bytes per frame (expected {format.ByteRate})";
            return null;
        }

        return format;
    }

    private static string? CodecName(ushort formatTag, int bits) => (formatTag, bits) switch
    {
        (Pcm, 8) => "pcm_u8",
        (Pcm, 16) => "pcm_s16le",
        (Pcm, 24) => "pcm_s24le",
        (Pcm, 32) => "pcm_s32le",
        (IeeeFloat, 32) => "pcm_f32le",
        (IeeeFloat, 64) => "pcm_f64le",
        (ALaw, 8) => "pcm_alaw",
        (MuLaw, 8) => "pcm_mulaw",
        _ => null,
    };
}
