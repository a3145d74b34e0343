using CallVault.Bench.Hosting;
using CallVault.Bench.Measurement;
using CallVault.Bench.Reporting;
using CallVault.Bench.Scenarios;

namespace CallVault.Bench;

/// <summary>Dispatches subcommands; benchmarks report PASS/FAIL but only an error makes the exit code non-zero.</summary>
internal static class BenchCli
{
    private const string Usage = """
        CallVault benchmarks. Usage: dotnet run -c Release --project bench/CallVault.Bench -- <command> [options]

          all                     memory, ingest, pipeline and transcode with their defaults (options are passed to each)
          memory                  --hours 1,2,4 (lengths of the dual-channel recordings, each measured on a fresh server)
          ingest                  --connections 64 --duration 10 --warmup 10
          pipeline                --recordings 50 --seconds 60 --workers 4 --latency-ms 0 --bytes-per-second 0 --transcode none,opus
          transcode               size ratio and speed of the pipeline's ffmpeg settings on speech and tones
          reconcile               --recordings 100000 --days 30 --provider true (dry-run reconciliation; not part of 'all')
          queries                 --calls 1000000 --days 365 --requests 200 --warmup 60 --keep-data false --data DIR (generated archive, API query latency; not part of 'all')
          claims                  --jobs 20000 --claimers 16 (job-claim rate on PostgreSQL; not part of 'all')
          scaleout                --recordings 300 --latency-ms 300 --workers 4 (1 vs 3 instances on PostgreSQL; not part of 'all')

        PostgreSQL scenarios need a server: --postgres "Host=127.0.0.1;Port=5432;Username=postgres" or CALLVAULT_BENCH_POSTGRES.

        Common: --out <file> (default bench/results/latest.md), --work-dir <dir> (default the system temp folder),
                --server-gc true|false (child server GC mode; default true, as the shipped callvault executable),
                --child-output <file> (append what the child servers print; raise log levels through the environment).
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length > 0 && args[0] == ServeForBench.Command)
        {
            return await ServeForBench.RunAsync(args[1..]);
        }

        BenchArgs parsed;
        try
        {
            parsed = BenchArgs.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        IBenchScenario[] scenarios = parsed.Command switch
        {
            "all" => [.. MemoryScenario.FromArgs(parsed), new IngestScenario(), .. PipelineScenario.FromArgs(parsed), new TranscodeScenario()],
            "memory" => MemoryScenario.FromArgs(parsed),
            "ingest" => [new IngestScenario()],
            "pipeline" => PipelineScenario.FromArgs(parsed),
            "reconcile" => [new ReconcileScenario()],
            "queries" => [new Scenarios.Queries.QueriesScenario()],
            "transcode" => [new TranscodeScenario()],
            "claims" => [new ClaimsScenario()],
            "scaleout" => [new ScaleOutScenario()],
            _ => [],
        };
        if (scenarios.Length == 0)
        {
            Console.WriteLine(Usage);
            return parsed.Command is "help" or "--help" or "-h" ? 0 : 2;
        }

        var loadAtStart = MachineInfo.LoadAverage();
        var context = BenchContext.FromArgs(parsed);
        ChildServer.OutputFile = parsed.String("child-output");
        var reports = new List<ScenarioReport>();
        var failed = false;
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        foreach (var scenario in scenarios)
        {
            Console.WriteLine($"== {scenario.Name} ==");
            try
            {
                var report = await scenario.RunAsync(context, cancel.Token);
                reports.Add(report);
                Console.WriteLine($"{scenario.Name}: {report.Verdict}");
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancel.IsCancellationRequested)
            {
                failed = true;
                Console.Error.WriteLine($"{scenario.Name} errored: {ex}");
                reports.Add(ScenarioReport.Errored(scenario.Name, ex));
            }
        }

        foreach (var unused in parsed.Unused())
        {
            Console.Error.WriteLine($"warning: option --{unused} was not used by '{parsed.Command}'");
        }

        var markdown = MarkdownReport.Document(parsed.Command, args, MachineInfo.Collect(loadAtStart), reports);
        Directory.CreateDirectory(Path.GetDirectoryName(context.OutputFile)!);
        await File.WriteAllTextAsync(context.OutputFile, markdown, CancellationToken.None);
        Console.WriteLine(markdown);
        Console.WriteLine($"Written to {context.OutputFile}");
        return failed ? 1 : 0;
    }
}
