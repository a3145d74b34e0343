using System.Net.Http.Headers;
using CallVault.Bench.Hosting;
using CallVault.Bench.Reporting;
using Microsoft.Data.Sqlite;

namespace CallVault.Bench.Scenarios.Queries;

/// <summary>
/// Data at scale: a database migrated by the product's own migrator, filled with N generated calls
/// (<see cref="CallCorpus"/>), then list, filter, search, leads and single-call requests against a
/// CallVault child process through its HTTP API, with p50/p95/p99 per kind against the targets.
/// </summary>
internal sealed class QueriesScenario : IBenchScenario
{
    public string Name => "queries";

    public async Task<ScenarioReport> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var calls = context.Args.Int("calls", 1_000_000);
        var days = context.Args.Int("days", 365);
        var requests = context.Args.Int("requests", 200);
        var warmup = context.Args.Int("warmup", 60);
        var given = context.Args.String("data");
        var keep = given is not null || context.Args.Bool("keep-data", false);
        var work = given is null ? context.NewWorkDirectory("queries") : Directory.CreateDirectory(given);
        IQueryDatabase? database = null;
        try
        {
            var settings = CallVaultSettings.For(work.FullName, null);
            settings["CallVault:Reconciliation:IntervalMinutes"] = "0";
            var postgres = string.Equals(context.Args.String("database") ?? "sqlite", "postgres", StringComparison.OrdinalIgnoreCase);
            database = postgres
                ? await PostgresQueryDatabase.OpenAsync(BenchPostgres.ServerFrom(context), calls, cancellationToken)
                : new SqliteQueryDatabase(CallVaultSettings.DatabasePath(work.FullName), settings["CallVault:Database:ConnectionString"]!);
            database.Apply(settings);
            var (counts, sample) = await GenerateOrReuseAsync(work, database, calls, days, cancellationToken);
            var hasSearch = await database.HasFullTextSearchAsync(cancellationToken);
            var size = await database.SizeAsync(work, cancellationToken);
            database.ClearPools();

            await using var server = await ChildServer.StartAsync("callvault", settings, context.ServerGc, "http://127.0.0.1:0", cancellationToken);
            using var api = new HttpClient { BaseAddress = server.BaseUrl, Timeout = TimeSpan.FromSeconds(60) };
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", CallVaultSettings.AdminKey);
            var kinds = QueryMix.Build(sample, seed: 11, hasSearch);
            Console.WriteLine($"  warming up: {warmup} requests of each kind…");
            foreach (var kind in kinds)
            {
                // Every endpoint's code tiered up and the database pages it touches cached before anything is timed.
                await QueryRunner.RunAsync(api, kind, warmup, 0, cancellationToken);
            }

            var outcomes = new List<QueryRunner.Outcome>();
            var cpuBefore = Measurement.ProcCpu.Read(server.Pid) ?? TimeSpan.Zero;
            foreach (var kind in kinds)
            {
                Console.WriteLine($"  {kind.Name}: {requests} requests…");
                var kindCpu = Measurement.ProcCpu.Read(server.Pid) ?? TimeSpan.Zero;
                var outcome = await QueryRunner.RunAsync(api, kind, 0, requests, cancellationToken);
                outcomes.Add(outcome with { ServerCpu = (Measurement.ProcCpu.Read(server.Pid) ?? TimeSpan.Zero) - kindCpu });
            }

            var serverCpu = (Measurement.ProcCpu.Read(server.Pid) ?? TimeSpan.Zero) - cpuBefore;
            var report = Report(database.Name, counts, size, (int)Math.Round((sample.Last - sample.First).TotalDays), requests, warmup, hasSearch, outcomes);
            report.Notes.AddRange(sample.Notes);
            report.Notes.Add($"Server CPU time while measuring: {Format.Seconds(serverCpu)} for {outcomes.Sum(o => o.All.Count)} requests "
                + $"({Format.Ms(serverCpu.TotalMilliseconds / Math.Max(1, outcomes.Sum(o => o.All.Count)))} per request on average); on a machine shared with other work, latency above that is waiting for a core.");
            return report;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Npgsql.NpgsqlConnection.ClearAllPools();
            if (keep)
            {
                Console.WriteLine($"data kept in {work.FullName}");
            }
            else
            {
                BenchContext.DeleteQuietly(work);
                if (database is not null)
                {
                    await database.DeleteAsync();
                }
            }
        }
    }

    private static ScenarioReport Report(string engine, CallCorpus.Counts counts, long size, int days, int requests, int warmup, bool hasSearch, List<QueryRunner.Outcome> outcomes)
    {
        var report = new ScenarioReport("queries",
            $"{counts.Calls:N0} generated calls over {days} days in {engine} (schema by the product's migrator; callers from a Zipf-like pool of "
            + $"{Math.Max(1000, counts.Calls / 5):N0} numbers, 62 % inbound, log-normal durations around 2.5 min, {counts.Legs:N0} legs, {counts.Recordings:N0} recordings "
            + $"of which {counts.Stored:N0} stored, the rest failed or absent, each with its seven stages, {counts.Transcripts:N0} transcripts and summaries from a "
            + $"small word model). Then, against a CallVault child process over HTTP, {requests} requests of each kind one after another "
            + $"(after {warmup} unmeasured of each kind), timed from send to the last byte.");
        report.Add($"Generation ({(engine == "SQLite" ? "rows through prepared statements" : "COPY")}, one transaction per 20,000 calls)",
                $"{Format.Seconds(counts.Elapsed)} ({Format.Number(counts.Calls / counts.Elapsed.TotalSeconds)} calls/s)")
            .Add("Database size", Format.Bytes(size));
        foreach (var outcome in outcomes)
        {
            var stats = outcome.All;
            var p95 = stats.Percentile(95);
            report.Add($"{outcome.Kind.Name}: p50 / p95 / p99", $"{Format.Ms(stats.Percentile(50))} / {Format.Ms(p95)} / {Format.Ms(stats.Percentile(99))}",
                $"p95 < {outcome.Kind.TargetP95Ms:0} ms", p95 < outcome.Kind.TargetP95Ms);
            report.Add($"{outcome.Kind.Name}: server CPU per request (mean)", Format.Ms(outcome.ServerCpu.TotalMilliseconds / Math.Max(1, stats.Count)));
            report.Add($"{outcome.Kind.Name}: errors or wrong answers", $"{outcome.Errors} of {stats.Count}", "0", outcome.Errors == 0);
            report.Notes.Add($"{outcome.Kind.Name} — {outcome.Kind.Description}. p95 by variant: "
                + string.Join(", ", outcome.ByVariant.Select(v => $"{v.Key} {Format.Ms(v.Value.Percentile(95))}")) + ".");
            if (outcome.FirstError is { } error)
            {
                report.Notes.Add($"{outcome.Kind.Name}: first error: `{error}`");
            }
        }

        if (!hasSearch)
        {
            report.Notes.Add("search — not measured: this build's schema has no full-text index.");
        }

        return report;
    }

    /// <summary>A database generated earlier (its sample in <c>--data DIR</c>) is queried again as it is, after the product's migrator brought its schema up to date.</summary>
    private static async Task<(CallCorpus.Counts, CorpusSample)> GenerateOrReuseAsync(DirectoryInfo work, IQueryDatabase database, int calls, int days,
        CancellationToken cancellationToken)
    {
        var samplePath = Path.Combine(work.FullName, CallCorpus.SampleFile);
        if (database.Exists && File.Exists(samplePath))
        {
            var saved = CorpusSample.Load(samplePath);
            Console.WriteLine($"reusing the {saved.Counts!.Calls:N0} calls generated in {database.Name} ({work.FullName}); migrating its schema…");

            // Migrations added since it was generated (an index, the full-text table and its backfill) run here, through the
            // product's migrator, rather than inside the child's start-up, which the benchmark gives only a minute.
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            var applied = await database.MigrateAsync(cancellationToken);
            database.ClearPools();
            saved.Notes.Add($"Database generated by an earlier run and reused; {applied} schema migration(s) applied to it first ({Format.Seconds(stopwatch.Elapsed)}).");
            return (saved.Counts, saved);
        }

        await database.CreateEmptyAsync(cancellationToken);
        await database.MigrateAsync(cancellationToken);
        database.ClearPools();
        Console.WriteLine($"generating {calls:N0} calls over {days} days into {database.Name}…");
        using var writer = database.OpenWriter();
        return new CallCorpus(calls, seed: 10).Write(writer, work.FullName, calls, days, DateTime.UtcNow, written => Console.WriteLine($"  {written:N0} calls written"));
    }
}
