using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace CallVault.MicroBench;

/// <summary>
/// Runs the micro-benchmarks (all of them, or those matching <c>--filter</c>) and writes their GitHub-markdown
/// tables, with BenchmarkDotNet's environment block, to <c>bench/results/micro.md</c> (<c>--out FILE</c> to change).
/// </summary>
internal static class MicroBenchCli
{
    public static int Run(string[] args)
    {
        var loadAtStart = LoadAverage();
        var output = OptionValue(ref args, "--out") ?? Path.Combine(RepositoryRoot(), "bench", "results", "micro.md");
        if (args.Length == 0)
        {
            args = ["--filter", "*"];
        }

        // Short runs: enough iterations for stable means on a shared machine, minutes not tens of minutes. In-process:
        // no generated project to build (which alone can outlast BenchmarkDotNet's build timeout on a loaded machine).
        var config = DefaultConfig.Instance
            .AddJob(Job.ShortRun.WithWarmupCount(3).WithIterationCount(8).WithToolchain(InProcessEmitToolchain.Instance))
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "callvault-microbench"))
            .WithOptions(ConfigOptions.DisableLogFile)
            .AddExporter(MarkdownExporter.GitHub);
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(MicroBenchCli).Assembly).Run(args, config).ToList();
        if (summaries.Count == 0)
        {
            return 2;
        }

        Write(output, summaries, args, loadAtStart);
        Console.WriteLine($"Written to {output}");
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }

    private static void Write(string output, IReadOnlyList<Summary> summaries, string[] args, string loadAtStart)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        using var writer = new StreamWriter(output);
        writer.WriteLine("# CallVault micro-benchmarks");
        writer.WriteLine();
        writer.WriteLine($"Command: `dotnet run -c Release --project bench/CallVault.MicroBench -- {string.Join(' ', args)}` (BenchmarkDotNet in-process, short runs: 3 warm-up and 8 measured iterations; Mean per operation, Allocated per operation).");
        writer.WriteLine();
        writer.WriteLine($"Load average (1 / 5 / 15 min), start → end: {loadAtStart} → {LoadAverage()}, on {Environment.ProcessorCount} logical cores. "
            + "Where it exceeds the core count, other work was running and the means include waiting for a core (see Error and StdDev).");
        writer.WriteLine();
        var logger = new StreamLogger(writer);
        foreach (var summary in summaries)
        {
            MarkdownExporter.GitHub.ExportToLog(summary, logger);
            writer.WriteLine();
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string? OptionValue(ref string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        if (index < 0 || index + 1 >= args.Length)
        {
            return null;
        }

        var value = args[index + 1];
        args = [.. args[..index], .. args[(index + 2)..]];
        return value;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CallVault.slnx")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
