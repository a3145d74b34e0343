using System.Globalization;

namespace CallVault.Infrastructure.Media;

/// <summary>The ffmpeg command line for one transcode, and the bitrates chosen per channel count.</summary>
internal static class TranscodeArguments
{
    /// <summary>The stored format (and file extension) of <paramref name="target"/>.</summary>
    public static string Extension(TranscodeTarget target) => target switch
    {
        TranscodeTarget.Opus => "opus",
        TranscodeTarget.Mp3 => "mp3",
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, "Nothing to transcode to."),
    };

    /// <summary>The ffprobe codec name expected in the output.</summary>
    public static string Codec(TranscodeTarget target) => Extension(target);

    /// <summary>
    /// Opus in VoIP mode: 16 kbps for one channel, 12 kbps per channel beyond (24 kbps for a dual-channel
    /// call, each speaker on their own channel); measured on 8 kHz telephone speech that is about 9× (mono)
    /// and 11× (stereo) smaller than 16-bit WAV. MP3 (libmp3lame at 8 kHz, MPEG-2.5): 32 kbps mono, 48 kbps
    /// stereo, about 4× and 5×.
    /// </summary>
    public static int BitrateKbps(TranscodeTarget target, int channels) => (target, channels) switch
    {
        (TranscodeTarget.Opus, <= 1) => 16,
        (TranscodeTarget.Opus, _) => 12 * channels,
        (TranscodeTarget.Mp3, <= 1) => 32,
        (TranscodeTarget.Mp3, _) => 48,
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, "Nothing to transcode to."),
    };

    /// <summary>
    /// Arguments for ffmpeg: no stdin, errors only, overwrite, first audio stream only, no metadata, the
    /// source's channel count kept, and bit-exact muxing so the same input gives the same bytes (a rerun
    /// after a crash then finds the stored object already identical).
    /// </summary>
    public static IReadOnlyList<string> For(TranscodeTarget target, int channels, string input, string output)
    {
        List<string> arguments =
        [
            "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
            "-i", input,
            "-map", "0:a:0", "-map_metadata", "-1",
            "-ac", channels.ToString(CultureInfo.InvariantCulture),
        ];
        var bitrate = $"{BitrateKbps(target, channels).ToString(CultureInfo.InvariantCulture)}k";
        arguments.AddRange(target == TranscodeTarget.Opus
            ? ["-c:a", "libopus", "-b:a", bitrate, "-application", "voip", "-f", "ogg"]
            : ["-c:a", "libmp3lame", "-b:a", bitrate, "-f", "mp3"]);
        arguments.AddRange(["-fflags", "+bitexact", "-flags:a", "+bitexact", output]);
        return arguments;
    }
}
