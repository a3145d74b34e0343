using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Media;

/// <summary>Rules the annotations cannot express; each failure names its key.</summary>
internal sealed class MediaOptionsValidator : IValidateOptions<MediaOptions>
{
    public ValidateOptionsResult Validate(string? name, MediaOptions options)
    {
        List<string> failures = [];
        if (options.Transcode is { } transcode && !string.IsNullOrWhiteSpace(transcode) && TryParseTarget(transcode) is null)
        {
            failures.Add($"CallVault:Media:Transcode must be 'none', 'opus' or 'mp3' (was '{transcode}').");
        }

        CheckPath(options.FfmpegPath, "FfmpegPath", failures);
        CheckPath(options.FfprobePath, "FfprobePath", failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The target named by a configured value, or null when it names none.</summary>
    public static TranscodeTarget? TryParseTarget(string value) => value.Trim().ToUpperInvariant() switch
    {
        "NONE" => TranscodeTarget.None,
        "OPUS" => TranscodeTarget.Opus,
        "MP3" => TranscodeTarget.Mp3,
        _ => null,
    };

    // A path that does not exist is allowed (transcoding is then skipped with the reason); a malformed one is not.
    private static void CheckPath(string? path, string key, List<string> failures)
    {
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(path) || path.IndexOfAny(Path.GetInvalidPathChars()) >= 0 || path.EndsWith(Path.DirectorySeparatorChar))
        {
            failures.Add($"CallVault:Media:{key} must be the path of an executable file.");
        }
    }
}
