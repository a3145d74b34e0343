namespace CallVault.Infrastructure.Media;

/// <summary>How an external process ended, with its output (each bounded, see <see cref="ProcessRunner"/>).</summary>
/// <param name="ExitCode">The exit code; -1 when the process was killed for running too long.</param>
/// <param name="StandardOutput">Standard output, up to the caller's limit.</param>
/// <param name="StandardError">Standard error, up to <see cref="ProcessRunner.MaxStandardErrorChars"/>.</param>
/// <param name="TimedOut">The process (and its children) was killed after <c>CallVault:Media:ProcessTimeoutSeconds</c>.</param>
/// <param name="Elapsed">From start to exit, not counting the wait for a free slot.</param>
internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError, bool TimedOut, TimeSpan Elapsed)
{
    private const int MaxReasonChars = 300;

    public bool Succeeded => !TimedOut && ExitCode == 0;

    /// <summary>The first non-empty line of standard error, cut to a length fit for a stage's last error.</summary>
    public string FirstErrorLine()
    {
        var line = StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no error output";
        return line.Length <= MaxReasonChars ? line : string.Concat(line.AsSpan(0, MaxReasonChars), "…");
    }
}
