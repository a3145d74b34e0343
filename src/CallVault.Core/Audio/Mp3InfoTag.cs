using System.Buffers.Binary;

namespace CallVault.Core.Audio;

/// <summary>
/// A Xing/Info tag in the first MP3 frame: that frame carries no audio, and its LAME extension
/// gives the encoder delay and padding to trim for an exact duration.
/// </summary>
internal readonly record struct Mp3InfoTag(int EncoderDelay, int Padding)
{
    private const int FramesFlag = 0x1;
    private const int BytesFlag = 0x2;
    private const int TocFlag = 0x4;
    private const int QualityFlag = 0x8;
    private const int LameDelayOffset = 21;

    public static bool TryRead(ReadOnlySpan<byte> frame, Mp3FrameHeader header, out Mp3InfoTag tag)
    {
        tag = default;
        var offset = header.SideInfoEnd;
        if (header.Layer != 3 || frame.Length < offset + 8)
        {
            return false;
        }

        var id = frame.Slice(offset, 4);
        if (!id.SequenceEqual("Xing"u8) && !id.SequenceEqual("Info"u8))
        {
            return false;
        }

        var flags = BinaryPrimitives.ReadUInt32BigEndian(frame[(offset + 4)..]);
        var lame = offset + 8;
        lame += (flags & FramesFlag) != 0 ? 4 : 0;
        lame += (flags & BytesFlag) != 0 ? 4 : 0;
        lame += (flags & TocFlag) != 0 ? 100 : 0;
        lame += (flags & QualityFlag) != 0 ? 4 : 0;
        if (frame.Length >= lame + LameDelayOffset + 3 && char.IsAsciiLetter((char)frame[lame]))
        {
            var d = frame.Slice(lame + LameDelayOffset, 3);
            tag = new Mp3InfoTag((d[0] << 4) | (d[1] >> 4), ((d[1] & 0x0F) << 8) | d[2]);
        }

        return true;
    }
}
