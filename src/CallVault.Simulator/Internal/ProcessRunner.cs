using System.Diagnostics;

namespace CallVault.Simulator.Internal;

/// <summary>
/// Runs an external tool: arguments through <see cref="ProcessStartInfo.ArgumentList"/> (no shell quoting), a
/// concurrency limit, a timeout, and the whole process tree killed on timeout or cancellation.
/// </summary>
internal static class ProcessRunner
{
    private static readonly SemaphoreSlim Slots = new(Math.Max(1, Environment.ProcessorCount));

    /// <summary>The full path of an executable found on PATH, or null.</summary>
    public static string? FindOnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        string[] suffixes = OperatingSystem.IsWindows() ? [".exe", ".cmd", string.Empty] : [string.Empty];
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var suffix in suffixes)
            {
                var candidate = Path.Combine(directory, name + suffix);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public static async Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        await Slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var process = Process.Start(startInfo)
                ?? throw new InvalidOperationException($"Could not start {fileName}.");
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            var stdout = process.StandardOutput.ReadToEndAsync(limit.Token);
            var stderr = process.StandardError.ReadToEndAsync(limit.Token);
            try
            {
                await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
                await stdout.ConfigureAwait(false);
                return new ProcessResult(process.ExitCode, await stderr.ConfigureAwait(false));
            }
            catch (OperationCanceledException)
            {
                Kill(process);
                cancellationToken.ThrowIfCancellationRequested();
                throw new TimeoutException($"{Path.GetFileName(fileName)} did not finish within {timeout}.");
            }
        }
        finally
        {
            Slots.Release();
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}
