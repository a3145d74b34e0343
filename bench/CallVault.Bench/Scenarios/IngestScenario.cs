using System.Diagnostics;
using CallVault.Bench.Hosting;
using CallVault.Bench.Load;
using CallVault.Bench.Measurement;
using CallVault.Bench.Reporting;
using CallVault.Simulator;

namespace CallVault.Bench.Scenarios;

/// <summary>
/// Webhook ingestion: distinct signed call-status callbacks at saturation against CallVault (durable write before
/// 2xx) and against a bare Kestrel endpoint that only reads the form (the ceiling), then CallVault at half its
/// saturation rate, open loop, for latency; finally every acknowledged callback is looked up in the database.
/// </summary>
internal sealed class IngestScenario : IBenchScenario
{
    private const string Path = "/webhooks/twilio/call-status";
    private const double RatioTarget = 0.25;
    private const double P99TargetMs = 50;

    public string Name => "ingest";

    public async Task<ScenarioReport> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var connections = context.Args.Int("connections", 64);
        var duration = TimeSpan.FromSeconds(context.Args.Double("duration", 10));
        var warmup = TimeSpan.FromSeconds(context.Args.Double("warmup", 10));
        var initialPool = context.Args.Int("pool", 50_000);
        var work = context.NewWorkDirectory("ingest");
        try
        {
            await using var simulator = await TwilioSimulator.StartAsync(new SimulatorOptions { Seed = 11 }, cancellationToken);
            var port = ChildServer.FreePort();
            var callVaultBase = new Uri($"http://127.0.0.1:{port}");
            var pool = new PresignedCallbacks(simulator, new Uri(callVaultBase, Path));
            var building = Stopwatch.StartNew();
            pool.Grow(initialPool);
            Console.WriteLine($"ingest: {pool.Count} callbacks pre-signed in {building.Elapsed.TotalSeconds:0.0} s ({pool.BodyBytes / pool.Count} B bodies)");

            // (b) The ceiling: same requests, same client, a server that only parses the form.
            LoadResult bare;
            TimeSpan bareCpu;
            ProcIo? bareIo;
            await using (var bareServer = await ChildServer.StartAsync("bare", new Dictionary<string, string?>(), context.ServerGc, "http://127.0.0.1:0", cancellationToken))
            using (var load = new WebhookLoad(pool, new Uri(bareServer.BaseUrl, Path), connections))
            {
                var cycling = RequestSource.Cycling(pool);
                await load.RunClosedAsync(cycling, connections, warmup, cancellationToken);
                var cpu0 = ProcCpu.Read(bareServer.Pid);
                var io0 = ProcIo.Read(bareServer.Pid);
                bare = await load.RunClosedAsync(cycling, connections, duration, cancellationToken);
                bareCpu = (ProcCpu.Read(bareServer.Pid) - cpu0) ?? TimeSpan.Zero;
                bareIo = ProcIo.Read(bareServer.Pid) - io0;
                Console.WriteLine($"ingest: bare {bare.Throughput:0} req/s");
            }

            // (a) CallVault, saturated, then at half that rate.
            var settings = CallVaultSettings.For(work.FullName, simulator);
            LoadResult warm, saturated, open;
            TimeSpan callVaultCpu, clientCpu;
            ProcIo? callVaultIo;
            var distinct = RequestSource.Distinct(pool);
            await using (var server = await ChildServer.StartAsync("callvault", settings, context.ServerGc, callVaultBase.ToString(), cancellationToken))
            using (var load = new WebhookLoad(pool, new Uri(server.BaseUrl, Path), connections))
            {
                warm = await load.RunClosedAsync(distinct, connections, warmup, cancellationToken);
                pool.EnsureRemaining(distinct.Used, (int)(warm.Throughput * duration.TotalSeconds * 2) + 10_000);
                var cpu0 = ProcCpu.Read(server.Pid);
                var io0 = ProcIo.Read(server.Pid);
                var client0 = Process.GetCurrentProcess().TotalProcessorTime;
                saturated = await load.RunClosedAsync(distinct, connections, duration, cancellationToken);
                callVaultCpu = (ProcCpu.Read(server.Pid) - cpu0) ?? TimeSpan.Zero;
                callVaultIo = ProcIo.Read(server.Pid) - io0;
                clientCpu = Process.GetCurrentProcess().TotalProcessorTime - client0;
                Console.WriteLine($"ingest: CallVault {saturated.Throughput:0} req/s");

                var rate = Math.Max(1, saturated.Throughput / 2);
                pool.EnsureRemaining(distinct.Used, (int)(rate * duration.TotalSeconds * 1.1) + 1_000);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                open = await load.RunOpenAsync(distinct, rate, duration, cancellationToken);
                Console.WriteLine($"ingest: open loop at {rate:0} req/s, p99 {open.Latency.Percentile(99):0.0} ms");
            }

            int[] acknowledged = [.. warm.AcknowledgedIndexes, .. saturated.AcknowledgedIndexes, .. open.AcknowledgedIndexes];
            var audit = await InboundEventAudit.ReadAsync(CallVaultSettings.DatabasePath(work.FullName), pool, acknowledged, cancellationToken);
            return Report(connections, duration, (bare, bareCpu, bareIo), (saturated, callVaultCpu, callVaultIo), clientCpu, open, audit);
        }
        finally
        {
            BenchContext.DeleteQuietly(work);
        }
    }

    private static ScenarioReport Report(int connections, TimeSpan duration, (LoadResult Run, TimeSpan Cpu, ProcIo? Io) bareRun,
        (LoadResult Run, TimeSpan Cpu, ProcIo? Io) callVaultRun, TimeSpan clientCpu, LoadResult open, InboundEventAudit audit)
    {
        var (bare, bareCpu, bareIo) = bareRun;
        var (saturated, callVaultCpu, callVaultIo) = callVaultRun;
        var ratio = saturated.Throughput / bare.Throughput;
        var p99 = open.Latency.Percentile(99);
        var cores = Environment.ProcessorCount;
        var report = new ScenarioReport("ingest",
            $"Signed call-status callbacks, each with its own CallSid, pre-built and pre-signed, posted over HTTP/1.1 keep-alive from {connections} "
            + $"connections for {duration.TotalSeconds:0} s: (a) CallVault `{Path}` (group-committed SQLite write before 204), "
            + "(b) a bare Kestrel endpoint in its own process that reads the same form and answers 204. Then CallVault at half its "
            + "saturation rate, open loop (latency from each request's scheduled send time). Load generator and servers share the machine.");
        report.Add("Bare Kestrel: requests/s", Format.Number(bare.Throughput))
            .Add("Bare Kestrel: p50 / p99 latency", $"{Format.Ms(bare.Latency.Percentile(50))} / {Format.Ms(bare.Latency.Percentile(99))}")
            .Add("Bare Kestrel: errors (non-2xx)", Format.Number(bare.Errors), "0", bare.Errors == 0)
            .Add("CallVault saturated: requests/s", Format.Number(saturated.Throughput))
            .Add("CallVault saturated: p50 / p99 latency", $"{Format.Ms(saturated.Latency.Percentile(50))} / {Format.Ms(saturated.Latency.Percentile(99))}")
            .Add("CallVault saturated: errors (non-2xx)", Format.Number(saturated.Errors), "0", saturated.Errors == 0)
            .Add("CallVault / bare throughput", Format.Number(ratio, "0.00"), $"≥ {RatioTarget:0.00}", ratio >= RatioTarget)
            .Add($"CallVault open loop at {Format.Number(open.Sent / duration.TotalSeconds)} req/s: p50 / p99 / max",
                $"{Format.Ms(open.Latency.Percentile(50))} / {Format.Ms(p99)} / {Format.Ms(open.Latency.Max)}")
            .Add("CallVault open loop: p99", Format.Ms(p99), $"< {P99TargetMs:0} ms", p99 < P99TargetMs)
            .Add("CallVault open loop: errors (non-2xx)", Format.Number(open.Errors), "0", open.Errors == 0)
            .Add("Acknowledged callbacks missing from InboundEvents", $"{audit.Lost} of {audit.Acknowledged}", "0", audit.Lost == 0)
            .Add("CPU per request: bare / CallVault (server process)",
                $"{Format.Number(bareCpu.TotalMicroseconds / Math.Max(1, bare.Sent), "0")} µs / {Format.Number(callVaultCpu.TotalMicroseconds / Math.Max(1, saturated.Sent), "0")} µs")
            .Add("CPU use while saturated: CallVault / load generator",
                $"{Format.Number(100 * callVaultCpu / (saturated.Elapsed * cores), "0")} % / {Format.Number(100 * clientCpu / (saturated.Elapsed * cores), "0")} % of {cores} cores")
            .Add("File system calls per request, writes / reads (socket I/O not counted): bare / CallVault",
                $"{IoPerRequest(bareIo, bare.Sent)} / {IoPerRequest(callVaultIo, saturated.Sent)}")
            .Add("File bytes written per request (write-ahead log, checkpoints): bare / CallVault",
                $"{BytesPerRequest(bareIo, bare.Sent)} / {BytesPerRequest(callVaultIo, saturated.Sent)}");
        var batches = audit.BatchesBetween(saturated.StartedUtc, saturated.EndedUtc);
        report.Add("Group commit while saturated: batches/s, mean / max batch",
            $"{Format.Number(batches.PerSecond)} /s, {Format.Number(batches.MeanSize, "0.0")} / {batches.MaxSize}");
        var openBatches = audit.BatchesBetween(open.StartedUtc, open.EndedUtc);
        report.Add("Group commit in the open loop: batches/s, mean / max batch",
            $"{Format.Number(openBatches.PerSecond)} /s, {Format.Number(openBatches.MeanSize, "0.0")} / {openBatches.MaxSize}");
        report.Notes.Add($"InboundEvents rows: {audit.Rows}; rows whose request got no 2xx (e.g. a client time-out after the commit): {audit.Unacknowledged}.");
        foreach (var (name, run) in new[] { ("bare", bare), ("CallVault saturated", saturated), ("CallVault open loop", open) })
        {
            if (run.FirstError is not null)
            {
                report.Notes.Add($"{name}: first error: {run.FirstError}");
            }

            if (run.RanOutOfRequests)
            {
                report.Notes.Add($"{name}: ran out of pre-signed callbacks before the end (raise --pool); the rate is over the time actually run.");
            }
        }

        return report;
    }

    private static string IoPerRequest(ProcIo? io, long requests) => io is null
        ? "n/a"
        : $"{Format.Number((double)io.WriteCalls / Math.Max(1, requests), "0.0")} / {Format.Number((double)io.ReadCalls / Math.Max(1, requests), "0.0")}";

    private static string BytesPerRequest(ProcIo? io, long requests) => io is null
        ? "n/a"
        : $"{Format.Number(io.BytesWritten / 1024.0 / Math.Max(1, requests), "0.0")} KiB";
}
