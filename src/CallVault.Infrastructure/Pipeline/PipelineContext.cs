using CallVault.Core.Audio;
using CallVault.Core.Recordings;

namespace CallVault.Infrastructure.Pipeline;

/// <summary>What the stages of one pipeline run hand to each other: the local file and what is known of it.</summary>
public sealed class PipelineContext(Recording recording, string workFile, Func<CancellationToken, Task> checkpoint)
{
    public Recording Recording { get; } = recording;

    /// <summary>The local file the current stage reads: the download, later the transcoded output.</summary>
    public string WorkFile { get; set; } = workFile;

    public long WorkFileBytes { get; set; }

    public string? WorkFileSha256 { get; set; }

    /// <summary>What the validate stage found in the source; describes the original even after transcoding.</summary>
    public AudioInfo? Audio { get; set; }

    /// <summary>The validated source after the transcode stage replaced <see cref="WorkFile"/>; null when not transcoded.</summary>
    public string? OriginalFile { get; set; }

    public long OriginalBytes { get; set; }

    public string? OriginalSha256 { get; set; }

    /// <summary>File extension of the original (wav, mp3) when <see cref="OriginalFile"/> is set.</summary>
    public string? OriginalFormat { get; set; }

    /// <summary>File extension of what will be stored (wav, mp3, opus).</summary>
    public string Format { get; set; } = "wav";

    /// <summary>Saves what the stage changed so far on the recording (e.g. the storage key before a write).</summary>
    public Task CheckpointAsync(CancellationToken cancellationToken) => checkpoint(cancellationToken);
}
