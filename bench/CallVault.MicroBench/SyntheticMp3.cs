namespace CallVault.MicroBench;

/// <summary>An MPEG-2.5 Layer III stream (8 kHz, 32 kbit/s, mono) of silent frames: valid headers, as long as asked.</summary>
internal static class SyntheticMp3
{
    // Sync, MPEG-2.5, Layer III, no CRC | bitrate index 4 (32 kbit/s), 8 kHz, no padding | mono.
    private static readonly byte[] Header = [0xFF, 0xE3, 0x48, 0xC0];
    private const int FrameBytes = 72 * 32000 / 8000;
    private const int SamplesPerFrame = 576;

    public static byte[] Mono8kHz32kbps(int seconds)
    {
        var frames = seconds * 8000 / SamplesPerFrame;
        var bytes = new byte[frames * FrameBytes];
        for (var i = 0; i < frames; i++)
        {
            Header.CopyTo(bytes, i * FrameBytes);
        }

        return bytes;
    }
}
