using System.Diagnostics;
using CallVault.Infrastructure.Media;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Tests.Media;

public sealed class ProcessRunnerTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("callvault-proc-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task RunAsync_ArgumentsWithSpacesAndQuotes_ReachTheProcessUntouched()
    {
        using var runner = Runner();

        var result = await runner.RunAsync("/bin/sh", ["-c", "printf '%s|' \"$@\"", "sh", "a b", "c\"d", "$HOME", "-y"], 1024, CancellationToken.None);

        Assert.Equal((0, "a b|c\"d|$HOME|-y|"), (result.ExitCode, result.StandardOutput));
    }

    [Fact]
    public async Task RunAsync_ChattyStandardError_IsCutAtTheBoundWithoutBlockingTheProcess()
    {
        using var runner = Runner();

        var result = await runner.RunAsync("/bin/sh", ["-c", "head -c 1000000 /dev/zero | tr '\\0' x >&2; echo done"], 1024, CancellationToken.None);

        Assert.Equal((0, "done\n"), (result.ExitCode, result.StandardOutput));
        Assert.Equal(ProcessRunner.MaxStandardErrorChars, result.StandardError.Length);
    }

    [Fact]
    public async Task RunAsync_FailingTool_ReportsExitCodeAndFirstErrorLine()
    {
        using var runner = Runner();

        var result = await runner.RunAsync("/bin/sh", ["-c", "printf '\\n  first problem  \\nsecond\\n' >&2; exit 3"], 1024, CancellationToken.None);

        Assert.Equal((3, false, "first problem"), (result.ExitCode, result.Succeeded, result.FirstErrorLine()));
    }

    [Fact]
    public async Task RunAsync_LongerThanTheTimeout_KillsTheWholeTreeAndSaysTimedOut()
    {
        using var runner = Runner(timeoutSeconds: 1);
        var pidFile = Path.Combine(_dir.FullName, "child.pid");
        var watch = Stopwatch.StartNew();

        var result = await runner.RunAsync("/bin/sh", ["-c", $"sleep 60 & echo $! > '{pidFile}'; wait"], 1024, CancellationToken.None);

        Assert.True(result.TimedOut);
        Assert.Equal(-1, result.ExitCode);
        Assert.InRange(watch.Elapsed.TotalSeconds, 0.9, 10);
        await AssertGoneAsync(int.Parse(await File.ReadAllTextAsync(pidFile), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task RunAsync_Cancelled_KillsTheWholeTreeAndThrows()
    {
        using var runner = Runner();
        var pidFile = Path.Combine(_dir.FullName, "child.pid");
        using var cancel = new CancellationTokenSource();

        var run = runner.RunAsync("/bin/sh", ["-c", $"sleep 60 & echo $! > '{pidFile}'; wait"], 1024, cancel.Token);
        await WaitForFileAsync(pidFile);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        await AssertGoneAsync(int.Parse(await File.ReadAllTextAsync(pidFile), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task RunAsync_MoreCallersThanSlots_RunsOneAtATime()
    {
        using var runner = Runner(maxConcurrent: 1);
        var lockDir = Path.Combine(_dir.FullName, "lock");
        // mkdir is atomic: a second process inside the section at the same time exits 3.
        string[] arguments = ["-c", $"mkdir '{lockDir}' || exit 3; sleep 0.2; rmdir '{lockDir}'"];

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => runner.RunAsync("/bin/sh", arguments, 1024, CancellationToken.None)));

        Assert.All(results, r => Assert.Equal(0, r.ExitCode));
    }

    [Fact]
    public async Task RunAsync_EnoughSlots_RunsTogether()
    {
        using var runner = Runner(maxConcurrent: 4);
        var watch = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => runner.RunAsync("/bin/sh", ["-c", "sleep 0.5"], 1024, CancellationToken.None)));

        Assert.InRange(watch.Elapsed.TotalSeconds, 0.4, 1.9);
    }

    private static ProcessRunner Runner(int maxConcurrent = 4, int timeoutSeconds = 60) =>
        new(Options.Create(new MediaOptions { MaxConcurrentProcesses = maxConcurrent, ProcessTimeoutSeconds = timeoutSeconds }), TimeProvider.System, NullLogger<ProcessRunner>.Instance);

    private static async Task WaitForFileAsync(string path)
    {
        for (var i = 0; i < 100 && !(File.Exists(path) && new FileInfo(path).Length > 0); i++)
        {
            await Task.Delay(50);
        }
    }

    /// <summary>The process is gone (or a zombie waiting for a reaper: killed either way).</summary>
    private static async Task AssertGoneAsync(int pid)
    {
        for (var i = 0; i < 100; i++)
        {
            var stat = $"/proc/{pid}/stat";
            if (!File.Exists(stat) || (await File.ReadAllTextAsync(stat)).Split(' ')[2] == "Z")
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"process {pid} still runs");
    }
}
