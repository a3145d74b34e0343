namespace CallVault.Simulator.Audio;

/// <summary>
/// Deterministic "two speakers" signal: each speaker is a tone (frequency depends on the speaker and the seed),
/// speakers take turns every three seconds, with a little seeded noise so no two recordings are alike.
/// Every sample is a pure function of (seed, frame, channel), so any byte range can be produced independently.
/// </summary>
internal static class ToneGenerator
{
    private const int Rate = GeneratedWavStream.SampleRate;
    private const int TurnFrames = Rate * 3;
    private const int Amplitude = 6000;
    private static readonly short[] Sine = BuildSine();

    /// <summary>One output sample. Stereo: speaker 0 on channel 0, speaker 1 on channel 1; mono: both mixed.</summary>
    public static short Sample(ulong seed, long frame, int channel, int channels) =>
        channels == 1
            ? (short)((Speaker(seed, frame, 0) + Speaker(seed, frame, 1)) / 2)
            : (short)Speaker(seed, frame, channel);

    private static int Speaker(ulong seed, long frame, int speaker)
    {
        var noise = (int)(Mix(seed ^ ((ulong)frame * 2 + (ulong)speaker)) & 0x7F) - 64;
        var turn = frame / TurnFrames;
        if (((turn + speaker) & 1) != 0)
        {
            return noise;
        }

        var frequency = 220 + (speaker * 170) + (int)(seed % 97);
        var phase = (int)(frame * frequency % Rate);
        return Sine[phase] + noise;
    }

    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    private static short[] BuildSine()
    {
        var table = new short[Rate];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = (short)Math.Round(Amplitude * Math.Sin(2 * Math.PI * i / Rate));
        }

        return table;
    }
}
