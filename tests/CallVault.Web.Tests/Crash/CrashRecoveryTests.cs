using System.Net.Http.Headers;
using CallVault.Simulator;
using CallVault.Web.Tests.TestSupport;

namespace CallVault.Web.Tests.Crash;

/// <summary>
/// The core guarantee: every acknowledged recording ends stored exactly once, even when the
/// server process is SIGKILLed mid-pipeline, repeatedly.
/// </summary>
public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task Server_KilledRepeatedlyMidPipeline_StoresEveryAcknowledgedRecordingExactlyOnce()
    {
        await using var simulator = await TwilioSimulator.StartAsync(new SimulatorOptions(), CancellationToken.None);
        simulator.Faults.BytesPerSecond = 1_500_000; // slow enough that kills land mid-download
        var dataDirectory = Directory.CreateTempSubdirectory("callvault-crash-").FullName;
        var settings = CallVaultTestHost.DefaultSettings(dataDirectory, simulator);
        settings["CallVault:Jobs:LeaseSeconds"] = "3";
        settings["CallVault:Jobs:Workers"] = "3";
        var port = ServerProcess.FreePort();
        var sender = new TwilioCallbackSender(new HttpClient { Timeout = TimeSpan.FromSeconds(10) }, simulator.AuthToken);
        var webhook = new Uri($"http://127.0.0.1:{port}/webhooks/twilio/recording");

        var recordings = Enumerable.Range(0, 12).Select(i =>
        {
            var call = simulator.CreateCall(new CallSpec { DurationSeconds = 40 });
            return simulator.AddRecording(new RecordingSpec { CallSid = call.Parent.Sid, DurationSeconds = 20 + i, Channels = 2 });
        }).ToList();
        var acknowledged = new HashSet<string>();
        var random = new Random(7);

        try
        {
            for (var round = 0; round < 4; round++)
            {
                using var server = await ServerProcess.StartAsync(settings, port);

                // Deliver what is not yet acknowledged (the provider's retry), a few at a time.
                foreach (var recording in recordings.Where(r => !acknowledged.Contains(r.Sid)).Take(4 + (round * 3)))
                {
                    using var response = await sender.SendRecordingStatusAsync(webhook, recording, "completed", simulator.AccountSid, CancellationToken.None);
                    if (response.IsSuccessStatusCode)
                    {
                        acknowledged.Add(recording.Sid);
                    }
                }

                await Task.Delay(300 + random.Next(900));
                server.Kill();
            }

            using var final = await ServerProcess.StartAsync(settings, port);
            foreach (var recording in recordings.Where(r => !acknowledged.Contains(r.Sid)))
            {
                using var response = await sender.SendRecordingStatusAsync(webhook, recording, "completed", simulator.AccountSid, CancellationToken.None);
                Assert.True(response.IsSuccessStatusCode);
                acknowledged.Add(recording.Sid);
            }

            using var api = new HttpClient { BaseAddress = final.BaseUrl };
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", CallVaultTestHost.AdminKey);
            foreach (var recording in recordings)
            {
                var stored = await RecordingJson.WaitForStatusAsync(api, recording.Sid, TimeSpan.FromSeconds(120), "stored", "failed");
                Assert.Equal("stored", stored.Status());
                Assert.Equal(await recording.ComputeSha256Async(CancellationToken.None), stored.GetProperty("sha256").GetString());
            }

            var storage = Path.Combine(dataDirectory, "recordings");
            var files = Directory.EnumerateFiles(storage, "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith('.')).ToList();
            Assert.Equal(recordings.Count, files.Count);
            Assert.DoesNotContain(files, f => f.EndsWith(".partial", StringComparison.Ordinal));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            CallVault.Tests.TestSupport.TestDatabase.Drop(dataDirectory);
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
