namespace CallVault.Infrastructure.Media;

/// <summary>What the transcode stage does, settled once at start-up.</summary>
/// <param name="Target">The format to produce; <see cref="TranscodeTarget.None"/> to store the original as it is.</param>
/// <param name="Tools">The ffmpeg and ffprobe to run.</param>
/// <param name="Reason">Why nothing is transcoded (shown on the skipped stage); null when <paramref name="Target"/> is set.</param>
internal sealed record TranscodeDecision(TranscodeTarget Target, MediaTools Tools, string? Reason);
