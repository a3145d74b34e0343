namespace CallVault.Infrastructure.Media;

/// <summary>Runs ffprobe on a local file and parses what it says.</summary>
internal sealed class Ffprobe(ProcessRunner runner)
{
    private const int MaxOutputChars = 256 * 1024;

    /// <summary>The probe of <paramref name="path"/>, or why there is none (ffprobe failed or said nothing usable).</summary>
    public async Task<(MediaProbe? Probe, string? Error)> ProbeAsync(string ffprobe, string path, CancellationToken cancellationToken)
    {
        string[] arguments = ["-v", "error", "-print_format", "json", "-show_streams", "-show_format", "-i", path];
        var result = await runner.RunAsync(ffprobe, arguments, MaxOutputChars, cancellationToken);
        if (result.TimedOut)
        {
            return (null, "ffprobe did not finish in time");
        }

        if (result.ExitCode != 0)
        {
            return (null, $"ffprobe failed (exit {result.ExitCode}): {result.FirstErrorLine()}");
        }

        return FfprobeOutputParser.TryParse(result.StandardOutput, out var probe, out var error) ? (probe, null) : (null, error);
    }
}
