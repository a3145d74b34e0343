using System.Globalization;

namespace CallVault.Infrastructure.Transcription;

/// <summary>
/// ffmpeg arguments that turn any stored audio into what speech engines want: 16 kHz, one channel,
/// 16-bit PCM WAV, without metadata. <c>channel</c> (1-based) picks one channel of a multi-channel
/// recording; null mixes every channel down.
/// </summary>
internal static class SpeechAudioArguments
{
    public const int SampleRate = 16_000;

    public static IReadOnlyList<string> For(string input, int? channel, string output)
    {
        List<string> arguments = ["-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i", input, "-map", "0:a:0", "-map_metadata", "-1"];
        if (channel is { } c)
        {
            arguments.AddRange(["-af", string.Create(CultureInfo.InvariantCulture, $"pan=mono|c0=c{c - 1}")]);
        }

        arguments.AddRange(["-ac", "1", "-ar", SampleRate.ToString(CultureInfo.InvariantCulture), "-c:a", "pcm_s16le", "-f", "wav", "-fflags", "+bitexact", "-flags:a", "+bitexact", output]);
        return arguments;
    }
}
