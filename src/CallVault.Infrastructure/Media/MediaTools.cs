namespace CallVault.Infrastructure.Media;

/// <summary>The ffmpeg and ffprobe executables found, or why they cannot be used.</summary>
/// <param name="Ffmpeg">Full path of ffmpeg, or null.</param>
/// <param name="Ffprobe">Full path of ffprobe, or null.</param>
/// <param name="MissingReason">Why transcoding cannot run (either tool missing); null when both were found.</param>
internal sealed record MediaTools(string? Ffmpeg, string? Ffprobe, string? MissingReason)
{
    public bool Available => MissingReason is null;
}
