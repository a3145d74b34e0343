using System.Diagnostics;

namespace CallVault.Web.Tests.Imports;

/// <summary>Runs the real <c>callvault</c> executable once, with output redirected (so not a terminal), and collects what it printed.</summary>
internal static class CliProcess
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    public static Task<Result> RunAsync(IDictionary<string, string?> settings, params string[] args) =>
        RunWithInputAsync(settings, null, args);

    /// <summary>As <see cref="RunAsync"/>, with <paramref name="standardInput"/> written to the process and then closed.</summary>
    public static async Task<Result> RunWithInputAsync(IDictionary<string, string?> settings, string? standardInput, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = standardInput is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(ExecutablePath());
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(info)!;
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    private static string ExecutablePath()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CallVault.slnx")))
        {
            dir = dir.Parent;
        }

        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var path = Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("repository root not found"),
            "src", "CallVault", "bin", configuration, "net10.0", "callvault.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build src/CallVault first.", path);
    }
}
