using System.Net.Http.Headers;
using CallVault.Simulator;
using CallVault.Tests.TestSupport;
using CallVault.Web.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace CallVault.Web.Tests.Imports;

/// <summary>An import whose server is SIGKILLed halfway resumes from its checkpoint and ends with a clean run's counts.</summary>
public sealed class ImportResumeTests
{
    [Fact]
    public async Task Import_ServerKilledHalfway_ResumesAfterRestartWithTheSameCounts()
    {
        await using var simulator = await TwilioSimulator.StartAsync(new SimulatorOptions(), CancellationToken.None);
        var recordings = Enumerable.Range(0, 300).Select(_ =>
        {
            var call = simulator.CreateCall(new CallSpec { DurationSeconds = 2 });
            return simulator.AddRecording(new RecordingSpec { CallSid = call.Parent.Sid, DurationSeconds = 1, Channels = 1 });
        }).ToList();
        var dataDirectory = Directory.CreateTempSubdirectory("callvault-import-crash-").FullName;
        var settings = CallVaultTestHost.DefaultSettings(dataDirectory, simulator);
        settings["CallVault:Jobs:LeaseSeconds"] = "3";
        settings["CallVault:Imports:PageSize"] = "10";
        var port = ServerProcess.FreePort();
        var sender = new TwilioCallbackSender(new HttpClient { Timeout = TimeSpan.FromSeconds(10) }, simulator.AuthToken);
        var (from, to) = ImportApi.AroundToday();
        try
        {
            string importId;
            using (var server = await ServerProcess.StartAsync(settings, port))
            {
                using var api = Api(server);
                foreach (var recording in recordings.Take(7))
                {
                    using var response = await sender.SendRecordingStatusAsync(new Uri(server.BaseUrl, "/webhooks/twilio/recording"), recording, "completed", simulator.AccountSid, CancellationToken.None);
                    Assert.True(response.IsSuccessStatusCode);
                }

                // A slow list (429/5xx with Retry-After: 1 on a third of the pages) so the kill lands mid-import.
                simulator.Faults.ListErrorRate = 0.3;
                importId = (await ImportApi.StartAsync(api, from, to)).GetProperty("id").GetString()!;
                var halfway = await Eventually.WaitAsync(
                    () => ImportApi.GetAsync(api, importId),
                    i => i.GetProperty("pages").GetInt32() >= 4,
                    TimeSpan.FromSeconds(60),
                    "a few pages to be checkpointed");
                server.Kill();
                Assert.Equal("running", halfway.GetProperty("status").GetString());
                Assert.True(halfway.GetProperty("found").GetInt32() < 300);
            }

            simulator.Faults.ListErrorRate = 0;
            using (var restarted = await ServerProcess.StartAsync(settings, port))
            {
                using var api = Api(restarted);
                var finished = await ImportApi.WaitFinishedAsync(api, importId, TimeSpan.FromSeconds(90));

                Assert.Equal("completed", finished.GetProperty("status").GetString());
                Assert.Equal((300, 293, 7, 0), ImportApi.Counts(finished));
                // Resumed from the checkpoint, not started over: 30 pages of 10 committed in all.
                Assert.Equal(30, finished.GetProperty("pages").GetInt32());
            }

            await using var db = await TestDatabase.For(dataDirectory).OpenAsync();
            Assert.Equal(300L, await ScalarAsync(db, """SELECT COUNT(*) FROM "Recordings" """));
            Assert.Equal(300L, await ScalarAsync(db, """SELECT COUNT(DISTINCT "RecordingId") FROM "Jobs" WHERE "Kind" = 'recording.process'"""));
            Assert.Equal(300L, await ScalarAsync(db, """SELECT COUNT(*) FROM "Jobs" WHERE "Kind" = 'recording.process'"""));
            Assert.Equal(300L, await ScalarAsync(db, """SELECT COUNT(*) FROM "ImportItems" """));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            TestDatabase.Drop(dataDirectory);
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static HttpClient Api(ServerProcess server)
    {
        var api = new HttpClient { BaseAddress = server.BaseUrl };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", CallVaultTestHost.AdminKey);
        return api;
    }

    private static async Task<long> ScalarAsync(System.Data.Common.DbConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
