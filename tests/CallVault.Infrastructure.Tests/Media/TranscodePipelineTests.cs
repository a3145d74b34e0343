using System.Security.Cryptography;
using CallVault.Core.Recordings;
using CallVault.Infrastructure.Ingestion;
using CallVault.Infrastructure.Jobs;
using CallVault.Infrastructure.Tests.TestSupport;
using CallVault.Simulator;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Tests.Media;

/// <summary>The whole recording job with transcoding on: what ends up in storage and on the recording.</summary>
public sealed class TranscodePipelineTests : IAsyncLifetime
{
    private TwilioSimulator _simulator = null!;

    public async Task InitializeAsync() =>
        _simulator = await TwilioSimulator.StartAsync(new SimulatorOptions(), CancellationToken.None);

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Fact]
    public async Task HandleAsync_OpusWithKeepOriginal_StoresTheOpusAndTheExactOriginalAndLeavesNoScratchFiles()
    {
        await using var t = await TestServices.StartAsync(TranscodeStageTests.Settings("opus", "CallVault:Media:KeepOriginal", "true"), _simulator);
        var simulated = _simulator.AddRecording(new RecordingSpec { CallSid = TestSids.Call(), Channels = 2, DurationSeconds = 4 });
        var id = await IngestAsync(t, simulated);

        Assert.Equal(JobOutcome.Done, await RunNextJobAsync(t));

        var recording = await LoadAsync(t, id);
        Assert.Equal((RecordingStatus.Stored, "opus", 2), (recording.Status, recording.Format, recording.Channels));
        Assert.Equal((StageStatus.Completed, (string?)null), (recording.Stage(StageName.Transcode).Status, recording.Stage(StageName.Transcode).LastError));
        Assert.EndsWith(".opus", recording.StorageKey, StringComparison.Ordinal);
        Assert.Equal(recording.StorageKey![..^".opus".Length] + ".wav", recording.OriginalStorageKey);
        Assert.Equal([recording.StorageKey, recording.OriginalStorageKey], t.StoredFiles().Order(StringComparer.Ordinal));
        Assert.Equal((recording.Sha256, recording.SizeBytes), await HashAsync(Path.Combine(t.StoragePath, recording.StorageKey)));
        Assert.Equal(await simulated.ComputeSha256Async(t.Token), (await HashAsync(Path.Combine(t.StoragePath, recording.OriginalStorageKey!))).Sha256);
        Assert.True(recording.SizeBytes * 8 <= simulated.SizeBytes, $"{recording.SizeBytes} of {simulated.SizeBytes} bytes");
        Assert.Empty(Directory.EnumerateFiles(t.TempPath));
    }

    [Fact]
    public async Task HandleAsync_OpusWithoutKeepOriginal_StoresOnlyTheOpus()
    {
        await using var t = await TestServices.StartAsync(TranscodeStageTests.Settings("opus"), _simulator);
        var simulated = _simulator.AddRecording(new RecordingSpec { CallSid = TestSids.Call(), Channels = 1, DurationSeconds = 3 });
        var id = await IngestAsync(t, simulated);

        await RunNextJobAsync(t);

        var recording = await LoadAsync(t, id);
        Assert.Equal((RecordingStatus.Stored, "opus", (string?)null), (recording.Status, recording.Format, recording.OriginalStorageKey));
        Assert.Equal([recording.StorageKey!], t.StoredFiles());
        Assert.Empty(Directory.EnumerateFiles(t.TempPath));
    }

    [Fact]
    public async Task HandleAsync_FfmpegMissing_SkipsTranscodingWithTheReasonAndStoresTheOriginalWav()
    {
        await using var t = await TestServices.StartAsync(
            TranscodeStageTests.Settings("opus", "CallVault:Media:FfmpegPath", Path.Combine(Path.GetTempPath(), "no-such-dir", "ffmpeg")), _simulator);
        var simulated = _simulator.AddRecording(new RecordingSpec { CallSid = TestSids.Call(), Channels = 2, DurationSeconds = 2 });
        var id = await IngestAsync(t, simulated);

        Assert.Equal(JobOutcome.Done, await RunNextJobAsync(t));

        var recording = await LoadAsync(t, id);
        var transcode = recording.Stage(StageName.Transcode);
        Assert.Equal((RecordingStatus.Stored, "wav"), (recording.Status, recording.Format));
        Assert.Equal(StageStatus.Skipped, transcode.Status);
        Assert.StartsWith("ffmpeg not found at ", transcode.LastError, StringComparison.Ordinal);
        Assert.EndsWith("; the original audio is stored", transcode.LastError, StringComparison.Ordinal);
        Assert.Equal(await simulated.ComputeSha256Async(t.Token), recording.Sha256);
        Assert.Equal([recording.StorageKey!], t.StoredFiles());
    }

    private async Task<Guid> IngestAsync(TestServices t, SimulatedRecording simulated)
    {
        var (callback, body) = SimulatorCallbacks.Recording(_simulator, simulated);
        var result = await t.ApplyAsync(new TwilioRecordingEvent(callback, body));
        return result.RecordingId!.Value;
    }

    private static async Task<JobOutcome> RunNextJobAsync(TestServices t)
    {
        var job = await t.Queue.TryClaimAsync("worker", t.Token);
        Assert.NotNull(job);
        var outcome = await t.RecordingHandler.HandleAsync(job, t.Token);
        Assert.True(await t.Queue.CompleteAsync(job, outcome, t.Token));
        return outcome;
    }

    private static async Task<(string Sha256, long Bytes)> HashAsync(string path)
    {
        await using var file = File.OpenRead(path);
        return (Convert.ToHexStringLower(await SHA256.HashDataAsync(file)), file.Length);
    }

    private static Task<Recording> LoadAsync(TestServices t, Guid id) =>
        t.QueryAsync(db => db.Recordings.Include(r => r.Stages).AsNoTracking().SingleAsync(r => r.Id == id, t.Token));
}
