using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using CallVault.Infrastructure.Storage;
using CallVault.Infrastructure.Tests.TestSupport;
using CallVault.Simulator;
using CallVault.Tests.TestSupport;
using CallVault.Web.Tests.TestSupport;

namespace CallVault.Web.Tests.ScaleOut;

/// <summary>
/// Three <c>callvault serve</c> processes on one PostgreSQL database and one S3-compatible bucket
/// share 1,000 recordings while one is SIGKILLed and another stopped and started again: every
/// recording ends stored exactly once, and the job history shows no job ever ran on two workers at
/// once (a killed worker's job only after its lease ran out) and no live worker left an attempt open.
/// </summary>
[Trait("Database", "postgres")]
public sealed class MultiInstanceTests
{
    private const int Recordings = 1000;

    /// <summary>Long enough that a live worker on a loaded machine keeps its lease; a killed one's jobs wait this long.</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(8);

    [Fact]
    public async Task ThreeInstances_OneKilledOneRestarted_StoreEveryRecordingOnceAndNeverRunAJobTwiceAtOnce()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("callvault-scaleout-").FullName;
        var servers = new ServerProcess?[3];
        try
        {
            var database = TestDatabase.ForPostgres(dataDirectory);
            await using var simulator = await TwilioSimulator.StartAsync(new SimulatorOptions(), CancellationToken.None);
            simulator.Faults.BodyDelay = TimeSpan.FromMilliseconds(50); // downloads wait on the network, as real ones do
            var recordings = Enumerable.Range(0, Recordings).Select(i =>
            {
                var call = simulator.CreateCall(new CallSpec { DurationSeconds = 2 });
                return simulator.AddRecording(new RecordingSpec { CallSid = call.Parent.Sid, DurationSeconds = 1 + (i % 2), Channels = 1 });
            }).ToList();
            var s3 = (await S3TestServer.GetAsync()).NewBucketOptions();
            var ports = Enumerable.Range(0, 3).Select(_ => ServerProcess.FreePort()).ToArray();
            var started = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => ServerProcess.StartAsync(Settings(dataDirectory, simulator, s3, i), ports[i])));
            started.CopyTo(servers, 0);
            await using var db = await database.OpenAsync();
            var delivery = new Delivery(simulator);

            // A crash mid-work: its claimed jobs wait for their leases to run out, then others take them.
            await delivery.SendAsync(recordings[..333], servers);
            var killedPid = servers[0]!.Pid;
            await WaitUntilWorkingAsync(db, killedPid);
            var killedAt = TimeProvider.System.GetUtcNow().UtcDateTime; // it was alive until at least now
            servers[0]!.Kill();
            servers[0]!.Dispose();
            servers[0] = null;
            await delivery.SendAsync(recordings[333..666], servers);

            // A rolling restart: the stopping instance hands back what it holds and ends every attempt.
            var stoppedPid = servers[1]!.Pid;
            await WaitUntilWorkingAsync(db, stoppedPid);
            await servers[1]!.StopAsync();
            servers[1]!.Dispose();
            servers[1] = null;
            Assert.Equal(0, await ScalarAsync(db, $"""SELECT COUNT(*) FROM "JobAttempts" WHERE "Owner" LIKE '%:{stoppedPid}:%' AND "EndedAt" IS NULL"""));
            Assert.Equal(0, await ScalarAsync(db, $"""SELECT COUNT(*) FROM "Jobs" WHERE "LeaseOwner" LIKE '%:{stoppedPid}:%'"""));
            await delivery.SendAsync(recordings[666..800], servers);
            servers[1] = await ServerProcess.StartAsync(Settings(dataDirectory, simulator, s3, 1), ports[1]);
            await delivery.SendAsync(recordings[800..], servers);

            // Finished means every job settled too, not only "stored": the history is read once nothing runs.
            await Eventually.WaitAsync(
                async () => (Stored: await ScalarAsync(db, """SELECT COUNT(*) FROM "Recordings" WHERE "Status" = 'Stored'"""),
                    Unsettled: await ScalarAsync(db, """SELECT COUNT(*) FROM "Jobs" WHERE "State" IN ('Queued', 'Running')""")),
                s => s.Stored == Recordings && s.Unsettled == 0,
                TimeSpan.FromMinutes(4),
                "every recording stored and every job settled");

            var stored = await StoredAsync(db);
            Assert.Equal(recordings.Select(r => r.Sid).Order(StringComparer.Ordinal), stored.Keys.Order(StringComparer.Ordinal));
            Assert.Equal(0, await ScalarAsync(db, """SELECT COUNT(*) FROM "Jobs" WHERE "State" = 'Dead'"""));

            // Exactly one object per recording in the bucket, no stray, each with the simulator's bytes.
            // Readiness probes write and delete a tiny object under _probe/; the instance killed mid-probe may leave one.
            var objects = (await ObjectHashesAsync(s3)).Where(o => !o.Key.StartsWith("_probe/", StringComparison.Ordinal)).ToDictionary(StringComparer.Ordinal);
            Assert.Equal(stored.Values.Select(r => r.Key).Order(StringComparer.Ordinal), objects.Keys.Order(StringComparer.Ordinal));
            await Parallel.ForEachAsync(recordings, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (recording, ct) =>
            {
                var expected = await recording.ComputeSha256Async(ct);
                Assert.Equal(expected, stored[recording.Sid].Sha256);
                Assert.Equal(expected, objects[stored[recording.Sid].Key]);
            });

            var attempts = await AttemptsAsync(db);
            AssertNoJobRanTwiceAtOnce(attempts, killedPid, killedAt);
            Assert.Contains(attempts, a => PidOf(a.Owner) == killedPid && a.EndedAt is null); // the crash did interrupt work
            var pids = attempts.Select(a => PidOf(a.Owner)).ToHashSet();
            Assert.Equal(4, pids.Count); // the work spread over every instance, the restarted one included
            Assert.Contains(servers[1]!.Pid, pids);
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
    /// Per job, its attempts in start order: each one ended before the next began. Only the killed
    /// process may have left an attempt open, and the next one started after that process was still
    /// seen alive and after the lease the claim had granted it ran out.
    /// </summary>
    private static void AssertNoJobRanTwiceAtOnce(List<Attempt> attempts, int killedPid, DateTime killedAt)
    {
        Assert.NotEmpty(attempts);
        foreach (var job in attempts.GroupBy(a => a.JobId))
        {
            var ordered = job.OrderBy(a => a.StartedAt).ThenBy(a => a.Id).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                var attempt = ordered[i];
                var next = i + 1 < ordered.Count ? ordered[i + 1] : null;
                if (attempt.EndedAt is { } endedAt)
                {
                    Assert.True(next is null || next.StartedAt >= endedAt,
                        $"job {job.Key}: {next?.Owner} started at {next?.StartedAt:O} while {attempt.Owner} ran it until {endedAt:O}");
                    continue;
                }

                Assert.True(PidOf(attempt.Owner) == killedPid, $"job {job.Key}: the attempt of {attempt.Owner} started at {attempt.StartedAt:O} never ended, but that process was not killed");
                Assert.True(next is not null, $"job {job.Key}: nobody took over from the killed {attempt.Owner}");
                Assert.True(next.StartedAt >= killedAt && next.StartedAt >= attempt.StartedAt + Lease,
                    $"job {job.Key}: {next.Owner} took it at {next.StartedAt:O} from the killed {attempt.Owner} (claimed {attempt.StartedAt:O}, killed after {killedAt:O}) before its lease ran out");
            }
        }
    }

    /// <summary>Owners are <c>machine:pid:instance/loop</c>.</summary>
    private static int PidOf(string owner) => int.Parse(owner.Split(':')[1], CultureInfo.InvariantCulture);

    private static Task WaitUntilWorkingAsync(DbConnection db, int pid) => Eventually.WaitAsync(
        () => ScalarAsync(db, $"""SELECT COUNT(*) FROM "JobAttempts" WHERE "Owner" LIKE '%:{pid}:%' AND "EndedAt" IS NULL"""),
        running => running > 0,
        TimeSpan.FromMinutes(1),
        $"process {pid} to be running a job");

    private static Dictionary<string, string?> Settings(string dataDirectory, TwilioSimulator simulator, S3StorageOptions s3, int instance)
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
        settings["CallVault:Jobs:LeaseSeconds"] = Lease.TotalSeconds.ToString(CultureInfo.InvariantCulture);
        return settings;
    }

    private static async Task<long> ScalarAsync(DbConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<Dictionary<string, (string Key, string Sha256)>> StoredAsync(DbConnection db)
    {
        await using var command = db.CreateCommand();
        command.CommandText = """SELECT "ProviderRecordingId", "StorageKey", "Sha256" FROM "Recordings" WHERE "Status" = 'Stored'""";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0), (reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }

    private static async Task<List<Attempt>> AttemptsAsync(DbConnection db)
    {
        await using var command = db.CreateCommand();
        command.CommandText = """SELECT "Id", "JobId", "Owner", "StartedAt", "EndedAt" FROM "JobAttempts" """;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Attempt>();
        while (await reader.ReadAsync())
        {
            rows.Add(new Attempt(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetDateTime(3).ToUniversalTime(),
                reader.IsDBNull(4) ? null : reader.GetDateTime(4).ToUniversalTime()));
        }

        return rows;
    }

    /// <summary>Every object in the bucket (listed page by page) with the SHA-256 of its bytes.</summary>
    private static async Task<Dictionary<string, string>> ObjectHashesAsync(S3StorageOptions s3)
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

        var hashes = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (key, ct) =>
        {
            using var response = await client.GetObjectAsync(s3.Bucket, key, ct);
            await using var body = response.ResponseStream;
            hashes[key] = Convert.ToHexStringLower(await SHA256.HashDataAsync(body, ct));
        });
        Assert.Equal(keys.Count, hashes.Count); // no key listed twice
        return new Dictionary<string, string>(hashes, StringComparer.Ordinal);
    }

    private sealed record Attempt(long Id, long JobId, string Owner, DateTime StartedAt, DateTime? EndedAt);

    /// <summary>The provider's side: callbacks round-robin over the live instances, each sent again elsewhere until one acknowledges it.</summary>
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
