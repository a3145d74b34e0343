using System.Data.Common;
using System.Globalization;
using Amazon.S3;
using Amazon.S3.Model;
using CallVault.Infrastructure.Tests.TestSupport;
using CallVault.Simulator;
using CallVault.Tests.TestSupport;
using CallVault.Web.Tests.TestSupport;

namespace CallVault.Web.Tests.ScaleOut;

/// <summary>
/// Three <c>callvault serve</c> processes on one PostgreSQL database and one S3-compatible bucket
/// share 1,000 recordings while one is SIGKILLed and another restarted: every recording ends stored
/// exactly once, and the job history shows no job ever ran on two workers at the same time.
/// </summary>
[Trait("Database", "postgres")]
public sealed class MultiInstanceTests
{
    private const int Recordings = 1000;

    [Fact]
    public async Task ThreeInstances_OneKilledOneRestarted_StoreEveryRecordingOnceAndNeverRunAJobTwiceAtOnce()
    {
        Assert.True(TestDatabase.PostgresRun, "Runs on PostgreSQL only: CALLVAULT_TEST_DATABASE=postgres with CALLVAULT_TEST_POSTGRES (./test.sh sets both).");
        await using var simulator = await TwilioSimulator.StartAsync(new SimulatorOptions(), CancellationToken.None);
        simulator.Faults.BodyDelay = TimeSpan.FromMilliseconds(100); // downloads wait on the network, as real ones do
        var recordings = Enumerable.Range(0, Recordings).Select(_ =>
        {
            var call = simulator.CreateCall(new CallSpec { DurationSeconds = 2 });
            return simulator.AddRecording(new RecordingSpec { CallSid = call.Parent.Sid, DurationSeconds = 1, Channels = 1 });
        }).ToList();
        var s3 = (await S3TestServer.GetAsync()).NewBucketOptions();
        var dataDirectory = Directory.CreateTempSubdirectory("callvault-scaleout-").FullName;
        var database = TestDatabase.For(dataDirectory);
        var servers = new ServerProcess?[3];
        try
        {
            var ports = Enumerable.Range(0, 3).Select(_ => ServerProcess.FreePort()).ToArray();
            for (var i = 0; i < 3; i++)
            {
                servers[i] = await ServerProcess.StartAsync(Settings(dataDirectory, simulator, s3, i), ports[i]);
            }

            var delivery = new Delivery(simulator);
            await delivery.SendAsync(recordings[..333], servers);

            // A crash mid-work: its claimed jobs wait for their leases to run out, then others take them.
            var killedPid = servers[0]!.Pid;
            servers[0]!.Kill();
            var killedAt = DateTime.UtcNow;
            servers[0]!.Dispose();
            servers[0] = null;
            await delivery.SendAsync(recordings[333..666], servers);

            // A rolling restart: the stopping instance hands its jobs back.
            await servers[1]!.StopAsync();
            servers[1]!.Dispose();
            servers[1] = null;
            await delivery.SendAsync(recordings[666..800], servers);
            servers[1] = await ServerProcess.StartAsync(Settings(dataDirectory, simulator, s3, 1), ports[1]);
            await delivery.SendAsync(recordings[800..], servers);

            await using var db = await database.OpenAsync();
            await Eventually.WaitAsync(
                () => ScalarAsync(db, """SELECT COUNT(*) FROM "Recordings" WHERE "Status" IN ('Stored', 'Failed')"""),
                done => done == Recordings,
                TimeSpan.FromMinutes(5),
                "every recording to be stored or failed");

            var stored = await StoredAsync(db);
            Assert.Equal(Recordings, stored.Count);
            Assert.All(stored, r => Assert.Equal("Stored", r.Status));
            Assert.Equal(recordings.Select(r => r.Sid).Order(StringComparer.Ordinal), stored.Select(r => r.Sid).Order(StringComparer.Ordinal));
            foreach (var recording in recordings.Take(25))
            {
                Assert.Equal(await recording.ComputeSha256Async(CancellationToken.None), stored.Single(r => r.Sid == recording.Sid).Sha256);
            }

            // Exactly one object per recording in the bucket: no duplicate, no stray.
            Assert.Equal(stored.Select(r => r.Key).Order(StringComparer.Ordinal), await ListKeysAsync(s3));

            var attempts = await AttemptsAsync(db);
            AssertNoJobRanTwiceAtOnce(attempts, killedPid, killedAt);
            Assert.True(attempts.Select(a => PidOf(a.Owner)).Distinct().Count() >= 4, "the work spread over every instance, the restarted one included");
        }
        finally
        {
            foreach (var server in servers)
            {
                server?.Dispose();
            }

            TestDatabase.Drop(dataDirectory);
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    /// <summary>
    /// Per job, its attempts in start order: each one ended before the next began, except an attempt of
    /// the killed process, which never ended and was followed only after the kill.
    /// </summary>
    private static void AssertNoJobRanTwiceAtOnce(List<Attempt> attempts, int killedPid, DateTime killedAt)
    {
        Assert.NotEmpty(attempts);
        foreach (var job in attempts.GroupBy(a => a.JobId))
        {
            var ordered = job.OrderBy(a => a.StartedAt).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                var attempt = ordered[i];
                if (attempt.EndedAt is null)
                {
                    Assert.True(PidOf(attempt.Owner) == killedPid, $"job {job.Key}: attempt by {attempt.Owner} never ended, but that process was not killed");
                }

                if (i + 1 < ordered.Count)
                {
                    var next = ordered[i + 1];
                    var endedBy = attempt.EndedAt ?? killedAt;
                    Assert.True(next.StartedAt >= endedBy,
                        $"job {job.Key}: {next.Owner} started at {next.StartedAt:O} while {attempt.Owner} held it until {endedBy:O}");
                }
            }
        }
    }

    private static int PidOf(string owner) => int.Parse(owner.Split(':')[1], CultureInfo.InvariantCulture);

    private static Dictionary<string, string?> Settings(string dataDirectory, TwilioSimulator simulator, Infrastructure.Storage.S3StorageOptions s3, int instance)
    {
        var settings = CallVaultTestHost.DefaultSettings(dataDirectory, simulator);
        settings["CallVault:Storage:Provider"] = "s3";
        settings["CallVault:Storage:S3:ServiceUrl"] = s3.ServiceUrl;
        settings["CallVault:Storage:S3:Bucket"] = s3.Bucket;
        settings["CallVault:Storage:S3:AccessKey"] = s3.AccessKey;
        settings["CallVault:Storage:S3:SecretKey"] = s3.SecretKey;
        settings["CallVault:Storage:S3:ForcePathStyle"] = "true";
        settings["CallVault:Storage:S3:AutoCreateBucket"] = "true";
        settings["CallVault:Storage:S3:ChunkedUploads"] = "false";
        // Each instance has its own scratch folder, as on separate machines.
        settings["CallVault:Storage:TempPath"] = Path.Combine(dataDirectory, $"tmp-{instance}");
        settings["CallVault:Jobs:Workers"] = "4";
        settings["CallVault:Jobs:LeaseSeconds"] = "3";
        return settings;
    }

    private static async Task<long> ScalarAsync(DbConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<List<(string Sid, string Status, string Key, string Sha256)>> StoredAsync(DbConnection db)
    {
        await using var command = db.CreateCommand();
        command.CommandText = """SELECT "ProviderRecordingId", "Status", "StorageKey", "Sha256" FROM "Recordings" """;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string, string, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        return rows;
    }

    private static async Task<List<Attempt>> AttemptsAsync(DbConnection db)
    {
        await using var command = db.CreateCommand();
        command.CommandText = """SELECT "JobId", "Owner", "StartedAt", "EndedAt" FROM "JobAttempts" """;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Attempt>();
        while (await reader.ReadAsync())
        {
            rows.Add(new Attempt(reader.GetInt64(0), reader.GetString(1), reader.GetDateTime(2).ToUniversalTime(),
                reader.IsDBNull(3) ? null : reader.GetDateTime(3).ToUniversalTime()));
        }

        return rows;
    }

    private static async Task<List<string>> ListKeysAsync(Infrastructure.Storage.S3StorageOptions s3)
    {
        using var client = new AmazonS3Client(s3.AccessKey, s3.SecretKey, new AmazonS3Config { ServiceURL = s3.ServiceUrl, ForcePathStyle = true });
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = s3.Bucket };
        ListObjectsV2Response page;
        do
        {
            page = await client.ListObjectsV2Async(request);
            keys.AddRange((page.S3Objects ?? []).Select(o => o.Key));
            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);

        return [.. keys.Order(StringComparer.Ordinal)];
    }

    private sealed record Attempt(long JobId, string Owner, DateTime StartedAt, DateTime? EndedAt);

    /// <summary>The provider's side: each webhook goes to some live instance, and is sent again elsewhere until one acknowledges it.</summary>
    private sealed class Delivery(TwilioSimulator simulator)
    {
        private readonly TwilioCallbackSender _sender = new(new HttpClient { Timeout = TimeSpan.FromSeconds(10) }, simulator.AuthToken);
        private int _next;

        public Task SendAsync(IReadOnlyList<SimulatedRecording> batch, ServerProcess?[] servers) =>
            Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (recording, ct) =>
            {
                for (var attempt = 0; ; attempt++)
                {
                    var live = servers.Where(s => s is not null).ToList();
                    var server = live[Interlocked.Increment(ref _next) % live.Count]!;
                    try
                    {
                        using var response = await _sender.SendRecordingStatusAsync(
                            new Uri(server.BaseUrl, "/webhooks/twilio/recording"), recording, "completed", simulator.AccountSid, ct);
                        if (response.IsSuccessStatusCode)
                        {
                            return;
                        }
                    }
                    catch (HttpRequestException) when (attempt < 20)
                    {
                        // That instance is down: the provider retries.
                    }

                    Assert.True(attempt < 20, $"no instance acknowledged {recording.Sid}");
                    await Task.Delay(100, ct);
                }
            });
    }
}
