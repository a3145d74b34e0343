using System.ComponentModel.DataAnnotations;

namespace CallVault.Infrastructure.Media;

/// <summary>ffmpeg/ffprobe: transcoding of stored audio and the processes that do it.</summary>
public sealed class MediaOptions
{
    public const string Section = "CallVault:Media";

    /// <summary>
    /// <c>none</c>, <c>opus</c> or <c>mp3</c>; unset means <c>opus</c> when ffmpeg is found, else <c>none</c>
    /// (with a warning at start-up). Opus is Ogg/Opus in VoIP mode at 16 kbps for mono and 24 kbps for
    /// stereo (12 kbps per channel: each speaker of a dual-channel call keeps its own channel), about
    /// 9× and 11× smaller than 8 kHz 16-bit WAV. MP3 is 32 kbps mono, 48 kbps stereo (about 4× and 5×).
    /// </summary>
    public string? Transcode { get; set; }

    /// <summary>Also store the untouched original beside the transcoded object (same key, its own extension).</summary>
    public bool KeepOriginal { get; set; }

    /// <summary>The ffmpeg executable; searched on PATH when unset.</summary>
    public string? FfmpegPath { get; set; }

    /// <summary>The ffprobe executable; next to <see cref="FfmpegPath"/>, else on PATH, when unset.</summary>
    public string? FfprobePath { get; set; }

    /// <summary>ffmpeg/ffprobe processes running at once across all workers.</summary>
    [Range(1, 1024, ErrorMessage = "CallVault:Media:MaxConcurrentProcesses must be between 1 and 1024.")]
    public int MaxConcurrentProcesses { get; set; } = Environment.ProcessorCount;

    /// <summary>One ffmpeg/ffprobe run is killed (with its children) after this long.</summary>
    [Range(1, 86_400, ErrorMessage = "CallVault:Media:ProcessTimeoutSeconds must be between 1 and 86400.")]
    public int ProcessTimeoutSeconds { get; set; } = 600;
}
