using System.Globalization;

namespace CallVault.Infrastructure.Media;

/// <summary>Does a transcoded file hold what the source held? Pure: compares a probe with the source's facts.</summary>
internal static class TranscodeOutputCheck
{
    /// <summary>
    /// Largest difference allowed between source and output durations. Opus adds a few milliseconds
    /// (pre-skip and the last packet's padding: +6.5 ms measured); more than this is a broken encode.
    /// </summary>
    public const double DurationToleranceSeconds = 0.1;

    /// <summary>Null when the output is right; otherwise what is wrong.</summary>
    /// <param name="probe">ffprobe's view of the output.</param>
    /// <param name="expectedCodec">opus or mp3.</param>
    /// <param name="sourceChannels">Channels of the source (dual-channel calls must stay dual-channel).</param>
    /// <param name="sourceSeconds">Duration of the source.</param>
    /// <param name="outputSeconds">Duration of the output when known better than ffprobe's (MP3 gapless); else the probe's.</param>
    public static string? Problem(MediaProbe probe, string expectedCodec, int sourceChannels, double sourceSeconds, double? outputSeconds = null)
    {
        if (!string.Equals(probe.Codec, expectedCodec, StringComparison.Ordinal))
        {
            return $"transcoded audio has codec '{probe.Codec}', expected '{expectedCodec}'";
        }

        if (probe.Channels != sourceChannels)
        {
            return string.Create(CultureInfo.InvariantCulture, $"transcoded audio has {probe.Channels} channel(s), the source {sourceChannels}");
        }

        if ((outputSeconds ?? probe.DurationSeconds) is not { } duration)
        {
            return "ffprobe reported no duration for the transcoded audio";
        }

        return Math.Abs(duration - sourceSeconds) <= DurationToleranceSeconds
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"transcoded audio lasts {duration:0.###} s, the source {sourceSeconds:0.###} s");
    }
}
