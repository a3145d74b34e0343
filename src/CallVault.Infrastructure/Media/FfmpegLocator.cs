using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Media;

/// <summary>
/// Finds ffmpeg and ffprobe once: at <c>CallVault:Media:FfmpegPath</c>/<c>FfprobePath</c> when configured
/// (ffprobe also beside a configured ffmpeg), otherwise on PATH.
/// </summary>
internal sealed class FfmpegLocator
{
    private readonly Lazy<MediaTools> _tools;

    public FfmpegLocator(IOptions<MediaOptions> options)
    {
        var value = options.Value;
        _tools = new Lazy<MediaTools>(() => Locate(value), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public MediaTools Tools => _tools.Value;

    /// <summary>The full path of an executable named <paramref name="name"/> on PATH, or null.</summary>
    public static string? FindOnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (FindIn(directory, name) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static MediaTools Locate(MediaOptions options)
    {
        var (ffmpeg, ffmpegMissing) = Resolve("ffmpeg", options.FfmpegPath, "FfmpegPath", null);
        var besideFfmpeg = string.IsNullOrEmpty(options.FfmpegPath) ? null : Path.GetDirectoryName(Path.GetFullPath(options.FfmpegPath));
        var (ffprobe, ffprobeMissing) = Resolve("ffprobe", options.FfprobePath, "FfprobePath", besideFfmpeg);
        var reason = ffmpegMissing ?? ffprobeMissing;
        return new MediaTools(ffmpeg, ffprobe, reason is null ? null : $"{reason}; the original audio is stored");
    }

    private static (string? Path, string? Missing) Resolve(string tool, string? configured, string key, string? besideDirectory)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            var full = Path.GetFullPath(configured);
            return File.Exists(full) ? (full, null) : (null, $"{tool} not found at {full} (CallVault:Media:{key})");
        }

        var found = (besideDirectory is null ? null : FindIn(besideDirectory, tool)) ?? FindOnPath(tool);
        return found is null ? (null, $"{tool} not found on PATH") : (found, null);
    }

    private static string? FindIn(string directory, string name)
    {
        string[] suffixes = OperatingSystem.IsWindows() ? [".exe", string.Empty] : [string.Empty];
        foreach (var suffix in suffixes)
        {
            var candidate = Path.Combine(directory, name + suffix);
            if (File.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return null;
    }
}
