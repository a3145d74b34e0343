using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallVault.Core.Recordings;
using CallVault.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Web.Tests.Reconciliations;

/// <summary>
/// Provider vs database vs storage over real HTTP with the simulator and disk storage: a dry run reports
/// and changes nothing, a repairing run fetches what is missing or corrupt again and deletes orphans.
/// </summary>
public sealed class ReconciliationTests
{
    private static readonly TimeSpan Timeout = ReconciliationFiles.Timeout;
    private static readonly object Repairing = new { repair = true, deleteOrphans = true, orphanGraceSeconds = 0 };

    [Fact]
    public async Task Reconcile_DeletedFileAndStrayFile_DryRunReportsBoth_RepairRefetchesAndDeletes()
    {
        await using var s = await Scenario.StartAsync();
        var (missing, missingId, missingPath) = await ReconciliationFiles.StoreAsync(s);
        var (_, _, intactPath) = await ReconciliationFiles.StoreAsync(s);
        File.Delete(missingPath);
        var stray = ReconciliationFiles.WriteStray(s.Host);

        var dry = await ReconciliationApi.RunAsync(s.Host.Api, new { }, Timeout);

        Assert.Equal((0, 1, 1, 0, 0, 0), ReconciliationApi.Counts(dry));
        Assert.Equal(2, dry.Count("recordingsScanned"));
        Assert.Equal(2, dry.Count("objectsScanned"));
        Assert.True(File.Exists(stray), "a dry run deletes nothing");
        Assert.False(File.Exists(missingPath), "a dry run fetches nothing");
        Assert.Equal(RecordingStatus.Stored, await s.Host.QueryAsync(db => db.Recordings.Where(r => r.Id == missingId).Select(r => r.Status).FirstAsync()));
        Assert.Contains(dry.GetProperty("findings").EnumerateArray(), f => f.GetProperty("kind").GetString() == "orphanObject" && stray.EndsWith(f.GetProperty("subject").GetString()!.Replace('/', Path.DirectorySeparatorChar), StringComparison.Ordinal));

        var repair = await ReconciliationApi.RunAsync(s.Host.Api, Repairing, Timeout);

        Assert.Equal((0, 1, 1, 0, 1, 1), ReconciliationApi.Counts(repair));
        Assert.False(File.Exists(stray), "the orphan was deleted");
        var stored = await ReconciliationFiles.WaitStoredAsync(s, missing);
        var expected = await missing.ComputeSha256Async(CancellationToken.None);
        Assert.Equal(expected, stored.Sha256, ignoreCase: true);
        Assert.Equal(expected, await ReconciliationFiles.Sha256Async(missingPath), ignoreCase: true);
        Assert.True(File.Exists(intactPath));
        Assert.Equal(2, s.Host.StoredFiles().Count);
    }

    [Fact]
    public async Task Reconcile_FlippedByte_AllChecksumsReportMismatch_RepairRefetches()
    {
        await using var s = await Scenario.StartAsync();
        var (recording, _, path) = await ReconciliationFiles.StoreAsync(s);
        await ReconciliationFiles.StoreAsync(s);
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[bytes.Length / 2] ^= 0xFF;
        await File.WriteAllBytesAsync(path, bytes);

        var dry = await ReconciliationApi.RunAsync(s.Host.Api, new { checksums = "all" }, Timeout);
        var repair = await ReconciliationApi.RunAsync(s.Host.Api, new { repair = true, checksums = "all" }, Timeout);

        Assert.Equal((0, 0, 0, 1, 0, 0), ReconciliationApi.Counts(dry));
        Assert.Equal(2, dry.Count("checksumsVerified"));
        Assert.Equal((0, 0, 0, 1, 1, 0), ReconciliationApi.Counts(repair));
        await ReconciliationFiles.WaitStoredAsync(s, recording);
        Assert.Equal(await recording.ComputeSha256Async(CancellationToken.None), await ReconciliationFiles.Sha256Async(path), ignoreCase: true);
    }

    [Fact]
    public async Task Reconcile_ObjectWrittenButRowNeverStored_ResolvedNotOrphaned()
    {
        await using var s = await Scenario.StartAsync();
        var (recording, id, path) = await ReconciliationFiles.StoreAsync(s);
        // A crash after the object write and before the "stored" commit: the key was saved, the row is not stored.
        await s.Host.QueryAsync(async db =>
        {
            var row = await db.Recordings.Include(r => r.Stages).FirstAsync(r => r.Id == id);
            row.Status = RecordingStatus.Processing;
            row.Sha256 = null;
            row.SizeBytes = null;
            row.StoredAt = null;
            row.Stage(StageName.Store).Status = StageStatus.Processing;
            return await db.SaveChangesAsync();
        });

        var dry = await ReconciliationApi.RunAsync(s.Host.Api, new { deleteOrphans = true, orphanGraceSeconds = 0 }, Timeout);
        var afterDryRun = await s.Host.QueryAsync(db => db.Recordings.Where(r => r.Id == id).Select(r => r.Status).FirstAsync());
        var resolved = await ReconciliationApi.RunAsync(s.Host.Api, Repairing, Timeout);

        Assert.Equal((0, 0, 0, 0, 0, 0), ReconciliationApi.Counts(dry));
        Assert.Equal(1, dry.Count("interruptedStores"));
        Assert.Equal(RecordingStatus.Processing, afterDryRun);
        Assert.Equal((0, 0, 0, 0, 1, 0), ReconciliationApi.Counts(resolved));
        var stored = await ReconciliationFiles.WaitStoredAsync(s, recording);
        Assert.Equal(await recording.ComputeSha256Async(CancellationToken.None), stored.Sha256, ignoreCase: true);
        Assert.True(File.Exists(path), "the object was kept");
        Assert.Single(s.Host.StoredFiles());
    }

    [Fact]
    public async Task Reconcile_StoredObjectGoneAndProviderCopyDeleted_MarkedFailedWithTheReason()
    {
        await using var s = await Scenario.StartAsync();
        var (recording, id, path) = await ReconciliationFiles.StoreAsync(s);
        File.Delete(path);
        var providerDelete = new HttpRequestMessage(HttpMethod.Delete, new Uri(s.Simulator.BaseUrl, $"/2010-04-01/Accounts/{s.Simulator.AccountSid}/Recordings/{recording.Sid}.json"));
        providerDelete.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{s.Simulator.AccountSid}:{s.Simulator.AuthToken}")));
        using (var http = new HttpClient())
        using (var deleted = await http.SendAsync(providerDelete))
        {
            Assert.True(deleted.IsSuccessStatusCode);
        }

        var run = await ReconciliationApi.RunAsync(s.Host.Api, new { repair = true }, Timeout);

        Assert.Equal((0, 0, 1, 0, 0, 0), ReconciliationApi.Counts(run));
        Assert.Equal(1, run.Count("unrecoverable"));
        var row = await s.Host.QueryAsync(db => db.Recordings.Where(r => r.Id == id).Select(r => new { r.Status, r.LastError }).FirstAsync());
        Assert.Equal(RecordingStatus.Failed, row.Status);
        Assert.Equal("stored object missing and the provider no longer has it", row.LastError);
    }

    [Fact]
    public async Task ScheduledRun_RecordingTheWebhookNeverAnnounced_ImportedAndStored()
    {
        await using var s = await Scenario.StartAsync(new Dictionary<string, string?> { ["CallVault:Reconciliation:IntervalSeconds"] = "2" });
        var unannounced = s.NewRecording(seconds: 2, channels: 1);

        var stored = await ReconciliationFiles.WaitStoredAsync(s, unannounced);

        Assert.Equal(await unannounced.ComputeSha256Async(CancellationToken.None), stored.Sha256, ignoreCase: true);
        // The audio can be stored before the run that imported it has written its final counts.
        var runs = await Eventually.WaitAsync(
            () => s.Host.Api.GetFromJsonAsync<JsonElement>("/api/reconciliations"),
            list => list.EnumerateArray().Any(r => r.Count("missingMetadata") > 0 && r.GetProperty("status").GetString() == "completed"),
            Timeout,
            "the scheduled run that imported the recording to finish");
        var importing = runs.EnumerateArray().First(r => r.Count("missingMetadata") > 0);
        Assert.Equal("schedule", importing.GetProperty("requestedBy").GetString());
        Assert.Equal("missed", importing.GetProperty("repairScope").GetString());
        Assert.False(importing.GetProperty("repair").GetBoolean());
        Assert.Equal(1, importing.Count("repaired"));
        var starts = runs.EnumerateArray().Select(r => r.GetProperty("startedAt").GetDateTime()).ToList();
        Assert.Equal(starts.OrderByDescending(t => t), starts);
    }

    [Theory]
    [InlineData("""{"orphanGraceSeconds":-1}""")]
    [InlineData("""{"checksumSample":-5}""")]
    [InlineData("""{"checksums":"some"}""")]
    [InlineData("""{"repair":"yes"}""")]
    public async Task Post_InvalidBody_400(string body)
    {
        await using var host = await CallVaultTestHost.StartAsync(simulator: null);
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await host.Api.PostAsync("/api/reconciliations", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Api_UnknownIdAndAnonymous_404And401()
    {
        await using var host = await CallVaultTestHost.StartAsync(simulator: null);

        using var unknown = await host.Api.GetAsync($"/api/reconciliations/{Guid.NewGuid()}");
        using var anonymous = await host.Anonymous.PostAsJsonAsync("/api/reconciliations", new { });

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
