using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CallVault.Bench.Hosting;
using CallVault.Bench.Measurement;
using CallVault.Bench.Reporting;
using CallVault.Simulator;

namespace CallVault.Bench.Scenarios;

/// <summary>
/// A dry-run reconciliation of N stored recordings: database vs storage (tiny objects on disk) vs the
/// provider's list (the simulator, unless <c>--provider false</c>), timed from the POST to the finished
/// run, with the child server's peak RSS.
/// </summary>
internal sealed class ReconcileScenario : IBenchScenario
{
    private static readonly TimeSpan Target = TimeSpan.FromMinutes(1);

    public string Name => "reconcile";

    public async Task<ScenarioReport> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var count = context.Args.Int("recordings", 100_000);
        var days = Math.Clamp(context.Args.Int("days", 30), 1, 89);
        var withProvider = context.Args.Bool("provider", true);
        var work = context.NewWorkDirectory("reconcile");
        try
        {
            await using var simulator = withProvider ? await TwilioSimulator.StartAsync(new SimulatorOptions { Seed = 29 }, cancellationToken) : null;
            var settings = CallVaultSettings.For(work.FullName, simulator);
            settings["CallVault:Reconciliation:IntervalMinutes"] = "0";
            settings["CallVault:Reconciliation:ProviderDays"] = (days + 1).ToString(CultureInfo.InvariantCulture);
            await using var server = await ChildServer.StartAsync("callvault", settings, context.ServerGc, "http://127.0.0.1:0", cancellationToken);

            Console.WriteLine($"seeding {count} recordings, objects{(withProvider ? " and provider list" : "")}…");
            var seed = ReconcileSeed.Write(CallVaultSettings.DatabasePath(work.FullName), settings["CallVault:Storage:Path"]!, simulator, count, days, DateTime.UtcNow);
            var idleRss = ProcMemory.Read(server.Pid)?.RssBytes ?? 0;

            using var api = new HttpClient { BaseAddress = server.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", CallVaultSettings.AdminKey);
            JsonElement run;
            TimeSpan elapsed;
            long peakRss;
            await using (var sampler = new RssSampler(server.Pid, TimeSpan.FromMilliseconds(50)))
            {
                var stopwatch = Stopwatch.StartNew();
                using var response = await api.PostAsJsonAsync("/api/reconciliations", new { }, cancellationToken);
                response.EnsureSuccessStatusCode();
                var id = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetString();
                do
                {
                    await Task.Delay(100, cancellationToken);
                    run = await api.GetFromJsonAsync<JsonElement>($"/api/reconciliations/{id}", cancellationToken);
                }
                while (run.GetProperty("status").GetString() == "running" && stopwatch.Elapsed < TimeSpan.FromMinutes(10));

                elapsed = stopwatch.Elapsed;
                peakRss = Math.Max(sampler.MaxRssBytes, ProcMemory.Read(server.Pid)?.HwmBytes ?? 0);
            }

            int Count(string name) => run.GetProperty(name).GetInt32();
            var expectedMetadata = withProvider ? ReconcileSeed.Faults : 0;
            var countsRight = Count("missingObjects") == ReconcileSeed.Faults && Count("orphanObjects") == ReconcileSeed.Faults
                && Count("missingMetadata") == expectedMetadata && Count("checksumMismatches") == 0;
            var report = new ScenarioReport("reconcile",
                $"A dry-run reconciliation (`POST /api/reconciliations {{}}`) of {count:N0} stored recordings spread over {days} days: database vs storage "
                + $"({seed.Objects:N0} tiny files on disk, listed a month at a time and merged with the rows read 1,000 at a time in key order), "
                + (withProvider ? $"provider vs database (the simulator's list of {count + ReconcileSeed.Faults:N0} recordings, pages of 1,000, one lookup query per page), " : "no provider comparison (`--provider false`), ")
                + $"and a random sample of 20 checksums. {ReconcileSeed.Faults} objects deleted, {ReconcileSeed.Faults} strays written"
                + (withProvider ? $" and {ReconcileSeed.Faults} recordings only the provider has" : "") + " beforehand. Timed from the POST to the finished run (polled every 100 ms).");
            report.Add("Seeding (rows, files, simulator list; not timed in the run)", Format.Seconds(seed.Elapsed))
                .Add("Reconciliation, POST → finished", Format.Seconds(elapsed), $"< {Target.TotalSeconds:0} s", elapsed < Target && run.GetProperty("status").GetString() == "completed")
                .Add("Status", run.GetProperty("status").GetString() ?? "?")
                .Add("Recordings scanned / objects scanned / provider listed", $"{Count("recordingsScanned"):N0} / {Count("objectsScanned"):N0} / {Count("providerListed"):N0}")
                .Add("missingObjects / orphanObjects / missingMetadata / checksumMismatches",
                    $"{Count("missingObjects")} / {Count("orphanObjects")} / {Count("missingMetadata")} / {Count("checksumMismatches")}",
                    $"{ReconcileSeed.Faults} / {ReconcileSeed.Faults} / {expectedMetadata} / 0", countsRight)
                .Add("Server RSS idle (after seeding) → peak during the run", $"{Format.Bytes(idleRss)} → {Format.Bytes(peakRss)}");
            return report;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            BenchContext.DeleteQuietly(work);
        }
    }
}
