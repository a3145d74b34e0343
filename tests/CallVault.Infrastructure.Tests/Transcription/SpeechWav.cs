using CallVault.Infrastructure.Tests.TestSupport;

namespace CallVault.Infrastructure.Tests.Transcription;

/// <summary>Audio as a speech engine receives it: 16 kHz mono 16-bit WAV, here with tone bursts where "speech" is.</summary>
internal static class SpeechWav
{
    public static string Write(string directory, double seconds, params (double Start, double End)[] bursts)
    {
        const int rate = 16_000;
        var samples = new short[(int)(seconds * rate)];
        foreach (var (start, end) in bursts)
        {
            for (var i = (int)(start * rate); i < (int)(end * rate); i++)
            {
                samples[i] = (short)(8000 * Math.Sin(2 * Math.PI * 300 * i / rate));
            }
        }

        var path = Path.Combine(directory, $"{Guid.NewGuid():N}.wav");
        File.WriteAllBytes(path, PcmWav.Create(rate, samples));
        return path;
    }
}
