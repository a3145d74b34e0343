using System.Diagnostics;
using CallVault.Bench.Hosting;
using CallVault.Bench.Measurement;
using CallVault.Bench.Reporting;
using CallVault.Simulator;

namespace CallVault.Bench.Scenarios;

/// <summary>
/// N recordings completed at once: CallVault's time from the first callback to the last <c>stored</c>, against the
/// floor of simply downloading the same media with the same parallelism. Run once per transcoding setting
/// (<c>--transcode none,opus</c> by default) and per provider latency (<c>--latency-ms 0,200</c>: a loopback
/// simulator answering at once, where both sides only use CPU, and one that waits before each media body as a
/// real provider's media store does); the ratio target applies without transcoding.
/// </summary>
internal sealed class PipelineScenario(string transcode, TimeSpan latency, string name) : IBenchScenario
{
    private const double RatioTarget = 1.5;
    // Completion is read from the server's own stored-at times, so the poll need not be tight: a
    // tight poll would load the server it measures.
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    public string Name => name;

    public static IBenchScenario[] FromArgs(BenchArgs args)
    {
        var settings = List(args.String("transcode") ?? "none,opus");
        var latencies = List(args.String("latency-ms") ?? "0,200")
            .Select(l => TimeSpan.FromMilliseconds(double.Parse(l, System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        return [.. from t in settings
                   from l in latencies
                   select new PipelineScenario(t, l, "pipeline"
                       + (settings.Length == 1 ? "" : $" transcode={t}")
                       + (latencies.Length == 1 ? "" : $" latency={l.TotalMilliseconds:0}ms"))];
    }

    private static string[] List(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public async Task<ScenarioReport> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var count = context.Args.Int("recordings", 200);
        var seconds = context.Args.Double("seconds", 60);
        var workers = context.Args.Int("workers", 4);
        var bytesPerSecond = context.Args.Long("bytes-per-second", 0);
        var work = context.NewWorkDirectory("pipeline");
        try
        {
            await using var simulator = await TwilioSimulator.StartAsync(new SimulatorOptions { Seed = 23 }, cancellationToken);
            simulator.Faults.BodyDelay = latency;
            simulator.Faults.BytesPerSecond = bytesPerSecond;
            var serverData = Directory.CreateDirectory(Path.Combine(work.FullName, "server")).FullName;
            var floorData = Directory.CreateDirectory(Path.Combine(work.FullName, "floor")).FullName;
            var timeout = TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(bytesPerSecond > 0 ? count * seconds * 16_000.0 / bytesPerSecond / workers * 2 : 0);

            var settings = CallVaultSettings.For(serverData, simulator, workers);
            settings["CallVault:Media:Transcode"] = transcode;
            await using var server = await ChildServer.StartAsync("callvault", settings, context.ServerGc, "http://127.0.0.1:0", cancellationToken);
            using var api = new RecordingApi(server.BaseUrl);
            using var callbackHttp = new HttpClient();
            var sender = new TwilioCallbackSender(callbackHttp, simulator.AuthToken);
            var webhook = new Uri(server.BaseUrl, "/webhooks/twilio/recording");

            // Warm-up of both sides with a batch of short recordings (25 per worker by default), so both run
            // their steadier code: with one, the JIT was still recompiling hot paths for a third of the server CPU.
            var warmUp = Enumerable.Range(0, workers * context.Args.Int("warmup-per-worker", 25)).Select(_ => NewRecording(simulator, 5)).ToList();
            await Parallel.ForEachAsync(warmUp, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
                async (r, ct) => await SendCompletedAsync(sender, webhook, r, simulator.AccountSid, ct));
            await api.WaitUntilAllFinalAsync(warmUp.Count, Poll, TimeSpan.FromSeconds(120), cancellationToken);
            using var floor = new PlainDownloader(simulator.AccountSid, simulator.AuthToken, workers);
            await Parallel.ForEachAsync(warmUp, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken },
                async (r, ct) => await floor.DownloadAsync(MediaUrl(r), Path.Combine(floorData, r.Sid + ".wav"), ct));

            var recordings = Enumerable.Range(0, count).Select(_ => NewRecording(simulator, seconds)).ToList();
            var expected = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var r in recordings)
            {
                expected[r.Sid] = await r.ComputeSha256Async(cancellationToken);
            }

            // CallVault: every callback at once (Twilio sends them as calls end), then poll until all are final.
            var concurrency = new ConcurrencyProbe(simulator);
            var serverCpu0 = ProcCpu.Read(server.Pid);
            var ownCpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            var firstCallbackAt = TimeProvider.System.GetUtcNow().UtcDateTime;
            await Parallel.ForEachAsync(recordings, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
                async (r, ct) => await SendCompletedAsync(sender, webhook, r, simulator.AccountSid, ct));
            var callbacksSent = stopwatch.Elapsed;
            var final = await api.WaitUntilAllFinalAsync(recordings.Count + warmUp.Count, Poll, timeout, cancellationToken);
            // The server's clock is this machine's: the last stored-at is when the last copy was verified.
            var lastStoredAt = final.Where(f => f.StoredAt is { } at && at.ToUniversalTime() >= firstCallbackAt).Select(f => f.StoredAt!.Value.ToUniversalTime()).DefaultIfEmpty(firstCallbackAt).Max();
            var callVaultTime = final.All(f => f.Status == "stored") ? lastStoredAt - firstCallbackAt : stopwatch.Elapsed;
            var serverCpu = (ProcCpu.Read(server.Pid) - serverCpu0) ?? TimeSpan.Zero;
            var ownCpu = Process.GetCurrentProcess().TotalProcessorTime - ownCpu0;
            var maxConcurrent = await concurrency.StopAsync();
            var stageTimes = await StageTimes.ReadAsync(server.BaseUrl, cancellationToken);

            // The floor: the same URLs, the same parallelism, straight to disk with a hash.
            var floorHashes = new Dictionary<string, string>(StringComparer.Ordinal);
            var floorCpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            stopwatch.Restart();
            await Parallel.ForEachAsync(recordings, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken },
                async (r, ct) =>
                {
                    var hash = await floor.DownloadAsync(MediaUrl(r), Path.Combine(floorData, r.Sid + ".wav"), ct);
                    lock (floorHashes)
                    {
                        floorHashes[r.Sid] = hash;
                    }
                });
            var floorTime = stopwatch.Elapsed;
            var floorCpu = Process.GetCurrentProcess().TotalProcessorTime - floorCpu0;

            var stored = final.Where(f => expected.ContainsKey(f.ProviderRecordingId)).ToList();
            // Transcoded audio is new bytes: then the check is the stored format (the pipeline hashes what it stored).
            var verified = transcode == "none"
                ? stored.Count(f => f.Status == "stored" && f.Sha256 == expected[f.ProviderRecordingId])
                : stored.Count(f => f.Status == "stored" && f.Format == transcode && f.Sha256 is not null);
            var storedBytes = stored.Sum(f => f.SizeBytes ?? 0);
            var floorVerified = floorHashes.Count(f => f.Value == expected[f.Key]);
            var failures = stored.Where(f => f.Status != "stored").Select(f => $"{f.ProviderRecordingId}: {f.Status} ({f.LastError})").Take(3).ToList();

            var ratio = callVaultTime / floorTime;
            var totalBytes = recordings.Sum(r => r.SizeBytes);
            var report = new ScenarioReport(name,
                $"{count} mono recordings of {seconds:0} s ({Format.Bytes(totalBytes)} in all) completed at once: CallVault (child process, "
                + $"{workers} job workers, `CallVault:Media:Transcode={transcode}`) from the first callback to the last `stored` (download, validate, "
                + (transcode == "none" ? "" : $"transcode to {transcode} with ffmpeg, ") + "store with fsync, re-hash), "
                + $"against the floor: the same media URLs downloaded by a plain HttpClient with the same parallelism ({workers}) to disk with SHA-256. "
                + $"Simulator faults: body delay {latency.TotalMilliseconds:0} ms, rate limit {(bytesPerSecond == 0 ? "none" : Format.Bytes(bytesPerSecond) + "/s")}.");
            report.Add("CallVault: first callback → last stored", Format.Seconds(callVaultTime))
                .Add("CallVault: all callbacks acknowledged after", Format.Seconds(callbacksSent))
                .Add("Floor: plain parallel download", Format.Seconds(floorTime))
                .Add("CallVault / floor", Format.Number(ratio, "0.00"), transcode == "none" ? $"≤ {RatioTarget:0.0}" : "(reported)", transcode == "none" ? ratio <= RatioTarget : null)
                .Add(transcode == "none" ? "CallVault: recordings stored with the simulator's SHA-256" : $"CallVault: recordings stored as {transcode}", $"{verified} of {count}", count.ToString(System.Globalization.CultureInfo.InvariantCulture), verified == count)
                .Add("Floor: downloads with the simulator's SHA-256", $"{floorVerified} of {count}", count.ToString(System.Globalization.CultureInfo.InvariantCulture), floorVerified == count)
                .Add("CallVault: stored bytes / downloaded bytes", $"{Format.Bytes(storedBytes)} / {Format.Bytes(totalBytes)}")
                .Add("CallVault: most media downloads in flight at once (seen by the simulator)", Format.Number(maxConcurrent), $"{workers} (workers)")
                .Add("CallVault: mean time per stage run (server metrics)", stageTimes)
                .Add("CPU per recording: CallVault server / benchmark process (simulator, callbacks, polls) during its run",
                    $"{PerRecording(serverCpu, count)} / {PerRecording(ownCpu, count)}")
                .Add("CPU per recording: benchmark process during the floor (simulator and the plain downloader)", PerRecording(floorCpu, count));
            foreach (var failure in failures)
            {
                report.Notes.Add("Not stored: " + failure);
            }

            return report;
        }
        finally
        {
            BenchContext.DeleteQuietly(work);
        }
    }

    private static string PerRecording(TimeSpan cpu, int count) => $"{cpu.TotalMilliseconds / count:0.0} ms";

    private static Uri MediaUrl(SimulatedRecording recording) => new(recording.MediaUrl.AbsoluteUri + ".wav");

    private static SimulatedRecording NewRecording(TwilioSimulator simulator, double seconds)
    {
        var call = simulator.CreateCall(new CallSpec { DurationSeconds = seconds + 1 });
        return simulator.AddRecording(new RecordingSpec { CallSid = call.Parent.Sid, Channels = 1, DurationSeconds = seconds });
    }

    private static async Task SendCompletedAsync(TwilioCallbackSender sender, Uri webhook, SimulatedRecording recording, string accountSid, CancellationToken cancellationToken)
    {
        using var response = await sender.SendRecordingStatusAsync(webhook, recording, "completed", accountSid, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The recording callback was answered {(int)response.StatusCode}.");
        }
    }
}
