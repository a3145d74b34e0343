using System.Diagnostics;
using CallVault.Bench.Hosting;
using CallVault.Bench.Reporting;
using CallVault.Simulator;

namespace CallVault.Bench.Scenarios;

/// <summary>
/// Pipeline throughput on PostgreSQL with one CallVault instance, then with three on one database
/// and one shared storage folder: N recordings completed at once, callbacks spread over the
/// instances, timed from the first callback to the last <c>stored</c>. The downloads wait on
/// simulated network latency, so the work is I/O bound and more instances mean more in flight.
/// </summary>
internal sealed class ScaleOutScenario : IBenchScenario
{
    private const double SpeedupTarget = 2.0;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    public string Name => "scaleout";

    public async Task<ScenarioReport> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        // Latency high enough that the waits, not the 2 cores, set the pace even for three instances: with 0 ms
        // the pipeline's own work took ~23 s (one instance) to ~34 s (three) for 300 recordings on this loaded
        // machine, so 150 recordings at 2 s each put the three-instance floor (25 s) above that work (~17 s).
        var count = context.Args.Int("recordings", 150);
        var latency = TimeSpan.FromMilliseconds(context.Args.Double("latency-ms", 2000));
        var workers = context.Args.Int("workers", 4);
        var server = BenchPostgres.ServerFrom(context);

        var one = await RunAsync(context, server, 1, count, workers, latency, cancellationToken);
        var three = await RunAsync(context, server, 3, count, workers, latency, cancellationToken);

        var speedup = one.Elapsed / three.Elapsed;
        var report = new ScenarioReport("scaleout",
            $"{count} mono recordings of 2 s completed at once, callbacks spread round-robin over the instances; each instance a child "
            + $"process with {workers} job workers on one fresh PostgreSQL database and one shared storage folder. Simulator body delay "
            + $"{latency.TotalMilliseconds:0} ms per download (I/O bound). Timed from the first callback to the last `stored`.");
        report.Add("1 instance: first callback → last stored", Format.Seconds(one.Elapsed))
            .Add("1 instance: floor of the waits alone (recordings × delay / workers)", Format.Seconds(IoFloor(count, latency, 1, workers)))
            .Add("3 instances: first callback → last stored", Format.Seconds(three.Elapsed))
            .Add("3 instances: floor of the waits alone", Format.Seconds(IoFloor(count, latency, 3, workers)))
            .Add("Speed-up, 3 instances / 1", Format.Number(speedup, "0.00"), $"≥ {SpeedupTarget:0.0}", speedup >= SpeedupTarget)
            .Add("1 instance: recordings stored", $"{one.Stored} of {count}", count.ToString(System.Globalization.CultureInfo.InvariantCulture), one.Stored == count)
            .Add("3 instances: recordings stored", $"{three.Stored} of {count}", count.ToString(System.Globalization.CultureInfo.InvariantCulture), three.Stored == count);
        return report;
    }

    private static TimeSpan IoFloor(int recordings, TimeSpan latency, int instances, int workers) =>
        latency * Math.Ceiling(recordings / (double)(instances * workers));

    private static async Task<(TimeSpan Elapsed, int Stored)> RunAsync(
        BenchContext context, string postgres, int instances, int count, int workers, TimeSpan latency, CancellationToken cancellationToken)
    {
        var work = context.NewWorkDirectory($"scaleout-{instances}");
        var servers = new List<ChildServer>();
        try
        {
            await using var database = await BenchPostgres.CreateAsync(postgres, cancellationToken);
            await using var simulator = await TwilioSimulator.StartAsync(new SimulatorOptions { Seed = 29 }, cancellationToken);
            simulator.Faults.BodyDelay = latency;
            for (var i = 0; i < instances; i++)
            {
                var settings = CallVaultSettings.For(work.FullName, simulator, workers);
                settings["CallVault:Storage:TempPath"] = Path.Combine(work.FullName, $"tmp-{i}");
                database.Apply(settings);
                servers.Add(await ChildServer.StartAsync("callvault", settings, context.ServerGc, "http://127.0.0.1:0", cancellationToken));
            }

            SimulatedRecording NewRecording()
            {
                var call = simulator.CreateCall(new CallSpec { DurationSeconds = 3 });
                return simulator.AddRecording(new RecordingSpec { CallSid = call.Parent.Sid, Channels = 1, DurationSeconds = 2 });
            }

            using var callbackHttp = new HttpClient();
            var sender = new TwilioCallbackSender(callbackHttp, simulator.AuthToken);
            using var api = new RecordingApi(servers[0].BaseUrl);

            // One recording through each instance first, untimed: each child process compiles the pipeline's
            // code on its first recording, a cost three processes would pay three times on the same cores.
            var warmUp = servers.Select(_ => NewRecording()).ToList();
            await SendAsync(sender, simulator, servers, warmUp, cancellationToken);
            await api.WaitUntilAllFinalAsync(warmUp.Count, Poll, TimeSpan.FromMinutes(10), cancellationToken);

            var recordings = Enumerable.Range(0, count).Select(_ => NewRecording()).ToList();
            var stopwatch = Stopwatch.StartNew();
            await SendAsync(sender, simulator, servers, recordings, cancellationToken);
            var all = await api.WaitUntilAllFinalAsync(warmUp.Count + count, Poll, TimeSpan.FromMinutes(10), cancellationToken);
            return (stopwatch.Elapsed, all.Count(r => r.Status == "stored") - warmUp.Count);
        }
        finally
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }

            BenchContext.DeleteQuietly(work);
        }
    }

    /// <summary>The recordings' completed callbacks, spread round-robin over the instances.</summary>
    private static Task SendAsync(
        TwilioCallbackSender sender, TwilioSimulator simulator, List<ChildServer> servers, List<SimulatedRecording> recordings, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(recordings.Select((r, i) => (r, i)), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (item, ct) =>
            {
                var webhook = new Uri(servers[item.i % servers.Count].BaseUrl, "/webhooks/twilio/recording");
                using var response = await sender.SendRecordingStatusAsync(webhook, item.r, "completed", simulator.AccountSid, ct);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"The recording callback was answered {(int)response.StatusCode}.");
                }
            });
}
