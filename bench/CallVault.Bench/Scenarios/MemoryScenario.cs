using System.Diagnostics;
using CallVault.Bench.Hosting;
using CallVault.Bench.Measurement;
using CallVault.Bench.Reporting;
using CallVault.Simulator;

namespace CallVault.Bench.Scenarios;

/// <summary>
/// A long dual-channel recording through the whole pipeline while the server's RSS is sampled: memory
/// must not grow with the length of the recording (streaming, not buffering).
/// </summary>
internal sealed class MemoryScenario(double hours, string name) : IBenchScenario
{
    private const long RiseTargetBytes = 64L * 1024 * 1024;
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(50);

    public string Name => name;

    /// <summary>One scenario per length in <c>--hours 1,2,4</c> (the default), each with its own fresh server so the baselines are independent.</summary>
    public static IBenchScenario[] FromArgs(BenchArgs args)
    {
        var lengths = (args.String("hours") ?? "1,2,4").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(h => double.Parse(h, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture))
            .ToArray();
        return [.. lengths.Select(h => new MemoryScenario(h, lengths.Length == 1 ? "memory" : $"memory {Format.Number(h, "0.##")} h"))];
    }

    public async Task<ScenarioReport> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var work = context.NewWorkDirectory("memory");
        try
        {
            await using var simulator = await TwilioSimulator.StartAsync(new SimulatorOptions { Seed = 7 }, cancellationToken);
            await using var server = await ChildServer.StartAsync("callvault", CallVaultSettings.For(work.FullName, simulator), context.ServerGc, "http://127.0.0.1:0", cancellationToken);
            using var api = new RecordingApi(server.BaseUrl);
            using var http = new HttpClient();
            var sender = new TwilioCallbackSender(http, simulator.AuthToken);
            var webhook = new Uri(server.BaseUrl, "/webhooks/twilio/recording");
            var startup = Read(server.Pid);

            // Warm-up: JIT, connection pools, first SQLite pages — so "idle" is the steady state.
            var warm = NewRecording(simulator, seconds: 10);
            await SendCompletedAsync(sender, webhook, warm, simulator.AccountSid, cancellationToken);
            var warmed = await api.WaitUntilFinalAsync(warm.Sid, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(60), cancellationToken);
            if (warmed.Status != "stored")
            {
                throw new InvalidOperationException($"The warm-up recording ended {warmed.Status}: {warmed.LastError}");
            }

            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            var idle = await IdleRssAsync(server.Pid, cancellationToken);
            var hwmBefore = Read(server.Pid).HwmBytes;

            var recording = NewRecording(simulator, seconds: hours * 3600);
            Console.WriteLine($"memory: {hours} h dual-channel recording, {Format.Bytes(recording.SizeBytes)}; idle RSS {Format.Bytes(idle)}");
            var cpuBefore = ProcCpu.Read(server.Pid) ?? TimeSpan.Zero;
            RecordingSnapshot final;
            TimeSpan elapsed;
            await using (var sampler = new RssSampler(server.Pid, SampleInterval))
            {
                var stopwatch = Stopwatch.StartNew();
                await SendCompletedAsync(sender, webhook, recording, simulator.AccountSid, cancellationToken);
                final = await api.WaitUntilFinalAsync(recording.Sid, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(10 + (hours * 5)), cancellationToken);
                elapsed = stopwatch.Elapsed;
                await Task.Delay(SampleInterval * 2, cancellationToken);
                var after = Read(server.Pid);
                // VmHWM catches a spike between two samples, but only if it rose during this run.
                var peak = Math.Max(sampler.MaxRssBytes, after.HwmBytes > hwmBefore ? after.HwmBytes : 0);
                var cpu = (ProcCpu.Read(server.Pid) ?? TimeSpan.Zero) - cpuBefore;
                var expectedSha = await recording.ComputeSha256Async(cancellationToken);
                return Report(name, hours, recording, startup, idle, peak, sampler, after, elapsed, cpu, final, expectedSha);
            }
        }
        finally
        {
            BenchContext.DeleteQuietly(work);
        }
    }

    private static ScenarioReport Report(string name, double hours, SimulatedRecording recording, ProcMemory startup, long idle, long peak, RssSampler sampler,
        ProcMemory after, TimeSpan elapsed, TimeSpan cpu, RecordingSnapshot final, string expectedSha)
    {
        var rise = peak - idle;
        var shaOk = final.Status == "stored" && final.Sha256 == expectedSha && final.SizeBytes == recording.SizeBytes;
        var report = new ScenarioReport(name,
            $"A {Format.Number(hours, "0.##")}-hour dual-channel 8 kHz 16-bit WAV ({Format.Bytes(recording.SizeBytes)}, generated on the fly by the simulator) "
            + "through webhook → download → validate → store, CallVault in a child process (server GC, as shipped), "
            + $"its VmRSS sampled every {SampleInterval.TotalMilliseconds:0} ms.");
        report.Add("RSS after start-up", Format.Bytes(startup.RssBytes))
            .Add("Idle RSS (after a 10 s warm-up recording)", Format.Bytes(idle))
            .Add("Peak RSS during the long recording", Format.Bytes(peak))
            .Add("Rise (peak − idle)", Format.Bytes(rise), "< 64 MiB", rise < RiseTargetBytes)
            .Add("VmHWM at the end (lifetime high-water mark)", Format.Bytes(after.HwmBytes))
            .Add("Callback → stored", Format.Seconds(elapsed))
            .Add("Throughput", $"{Format.Number(recording.SizeBytes / elapsed.TotalSeconds / (1 << 20), "0.0")} MiB/s")
            .Add("Server CPU time", Format.Seconds(cpu))
            .Add("Final status", final.Status + (final.LastError is null ? "" : $" ({final.LastError})"), "stored", final.Status == "stored")
            .Add("Stored SHA-256 and size equal the simulator's", shaOk ? "yes" : $"no (stored {final.Sha256}, {final.SizeBytes} B; expected {expectedSha}, {recording.SizeBytes} B)", "yes", shaOk);
        report.Notes.Add($"{sampler.Samples} RSS samples.");
        return report;
    }

    private static SimulatedRecording NewRecording(TwilioSimulator simulator, double seconds)
    {
        var call = simulator.CreateCall(new CallSpec { WithChildLeg = true, DurationSeconds = seconds + 2 });
        return simulator.AddRecording(new RecordingSpec { CallSid = call.Parent.Sid, Channels = 2, DurationSeconds = seconds });
    }

    private static async Task SendCompletedAsync(TwilioCallbackSender sender, Uri webhook, SimulatedRecording recording, string accountSid, CancellationToken cancellationToken)
    {
        using var response = await sender.SendRecordingStatusAsync(webhook, recording, "completed", accountSid, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The recording callback was answered {(int)response.StatusCode}.");
        }
    }

    /// <summary>Median of a second of samples, so one GC in flight does not decide the baseline.</summary>
    private static async Task<long> IdleRssAsync(int pid, CancellationToken cancellationToken)
    {
        var samples = new List<long>();
        for (var i = 0; i < 20; i++)
        {
            samples.Add(Read(pid).RssBytes);
            await Task.Delay(SampleInterval, cancellationToken);
        }

        samples.Sort();
        return samples[samples.Count / 2];
    }

    private static ProcMemory Read(int pid) =>
        ProcMemory.Read(pid) ?? throw new InvalidOperationException($"Cannot read /proc/{pid}/status: the server exited.");
}
