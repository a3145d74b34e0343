namespace CallVault.Core.Audio;

/// <summary>The 4-byte header of an MPEG audio frame (MPEG 1, 2 or 2.5; Layer I, II or III).</summary>
internal readonly record struct Mp3FrameHeader(
    int VersionBits,
    int Layer,
    int Bitrate,
    int SampleRate,
    bool HasCrc,
    int ChannelMode,
    int FrameLength,
    int SamplesPerFrame)
{
    public const int Size = 4;

    private const int Mpeg1 = 3;
    private const int Mpeg2 = 2;

    // Kilobits per second by bitrate index 1..14 (0 is "free format", 15 is invalid).
    private static readonly int[] Mpeg1Layer1 = [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448];
    private static readonly int[] Mpeg1Layer2 = [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384];
    private static readonly int[] Mpeg1Layer3 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
    private static readonly int[] Mpeg2Layer1 = [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256];
    private static readonly int[] Mpeg2Layer23 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
    private static readonly int[] Mpeg1Rates = [44100, 48000, 32000];

    public bool IsMpeg1 => VersionBits == Mpeg1;

    public int Channels => ChannelMode == 3 ? 1 : 2;

    public string Codec => Layer switch
    {
        1 => "mp1",
        2 => "mp2",
        _ => "mp3",
    };

    /// <summary>Offset of a Xing/Info/LAME tag inside the frame: header, CRC, then Layer III side info.</summary>
    public int SideInfoEnd => Size + (HasCrc ? 2 : 0) + (IsMpeg1 ? (Channels == 1 ? 17 : 32) : (Channels == 1 ? 9 : 17));

    /// <summary>True when <paramref name="other"/> can follow this frame in the same stream.</summary>
    public bool IsSameStream(Mp3FrameHeader other) =>
        other.VersionBits == VersionBits && other.Layer == Layer && other.SampleRate == SampleRate;

    public static bool TryParse(ReadOnlySpan<byte> bytes, out Mp3FrameHeader header)
    {
        header = default;
        if (bytes.Length < Size || bytes[0] != 0xFF || (bytes[1] & 0xE0) != 0xE0)
        {
            return false;
        }

        var versionBits = (bytes[1] >> 3) & 0x3;
        var layer = 4 - ((bytes[1] >> 1) & 0x3);
        var hasCrc = (bytes[1] & 0x1) == 0;
        var bitrateIndex = bytes[2] >> 4;
        var rateIndex = (bytes[2] >> 2) & 0x3;
        var padding = (bytes[2] >> 1) & 0x1;
        var channelMode = bytes[3] >> 6;
        var emphasis = bytes[3] & 0x3;
        if (versionBits == 1 || layer == 4 || bitrateIndex is 0 or 15 || rateIndex == 3 || emphasis == 2)
        {
            return false;
        }

        var bitrate = BitrateTable(versionBits, layer)[bitrateIndex] * 1000;
        // MPEG 2 halves the MPEG 1 rates, MPEG 2.5 quarters them.
        var rateShift = versionBits switch
        {
            Mpeg1 => 0,
            Mpeg2 => 1,
            _ => 2,
        };
        var sampleRate = Mpeg1Rates[rateIndex] >> rateShift;
        int frameLength;
        int samples;
        if (layer == 1)
        {
            frameLength = ((12 * bitrate / sampleRate) + padding) * 4;
            samples = 384;
        }
        else if (layer == 2 || versionBits == Mpeg1)
        {
            frameLength = (144 * bitrate / sampleRate) + padding;
            samples = 1152;
        }
        else
        {
            frameLength = (72 * bitrate / sampleRate) + padding;
            samples = 576;
        }

        header = new Mp3FrameHeader(versionBits, layer, bitrate, sampleRate, hasCrc, channelMode, frameLength, samples);
        return true;
    }

    private static int[] BitrateTable(int versionBits, int layer) => (versionBits == Mpeg1, layer) switch
    {
        (true, 1) => Mpeg1Layer1,
        (true, 2) => Mpeg1Layer2,
        (true, _) => Mpeg1Layer3,
        (false, 1) => Mpeg2Layer1,
        _ => Mpeg2Layer23,
    };
}
