using System.Security.Cryptography;
using CallVault.Core.Jobs;
using CallVault.Core.Recordings;
using CallVault.Infrastructure.Ingestion;
using CallVault.Infrastructure.Jobs;
using CallVault.Infrastructure.Tests.TestSupport;
using CallVault.Infrastructure.Tests.Transcription;
using CallVault.Simulator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CallVault.Infrastructure.Tests.Pipeline;

public sealed class RecordingPipelineTests : IAsyncLifetime
{
    private static readonly StageName[] AudioStages = [StageName.Download, StageName.Validate, StageName.Store];

    private TwilioSimulator _simulator = null!;

    public async Task InitializeAsync() =>
        _simulator = await TwilioSimulator.StartAsync(new SimulatorOptions(), CancellationToken.None);

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Fact]
    public async Task HandleAsync_CompletedRecording_StoresTheExactBytesAndCompletesEveryAudioStage()
    {
        await using var t = await TestServices.StartAsync(simulator: _simulator);
        var simulated = NewRecording(channels: 2, seconds: 3);
        var ingested = await IngestAsync(t, simulated);

        var (job, outcome) = await RunNextJobAsync(t);

        Assert.Equal(JobOutcome.Done, outcome);
        Assert.Equal(ingested.RecordingId, job.RecordingId);
        var recording = await LoadAsync(t, ingested.RecordingId!.Value);
        var sha = await simulated.ComputeSha256Async(t.Token);
        Assert.Equal(RecordingStatus.Stored, recording.Status);
        Assert.Equal((sha, simulated.SizeBytes, "wav", 2), (recording.Sha256, recording.SizeBytes, recording.Format, recording.Channels));
        Assert.InRange(recording.DurationSeconds!.Value, 2.99, 3.01);
        Assert.Equal(t.Clock.UtcNow, recording.StoredAt);
        Assert.Null(recording.LastError);
        Assert.All(AudioStages, s => Assert.Equal((StageStatus.Completed, 1, (string?)null), (recording.Stage(s).Status, recording.Stage(s).Attempts, recording.Stage(s).LastError)));
        Assert.Equal(StageStatus.Skipped, recording.Stage(StageName.ProviderDelete).Status);
        // The default engines have nothing to do for a Twilio recording: settled with "stored", no text job.
        Assert.Equal(
            (StageStatus.Skipped, "the provider sent no transcript (CallVault:Transcription:Engine is provider; choose whisper-cpp or openai to transcribe the audio)"),
            (recording.Stage(StageName.Transcribe).Status, recording.Stage(StageName.Transcribe).LastError));
        Assert.Equal(StageStatus.Skipped, recording.Stage(StageName.Summarize).Status);
        Assert.StartsWith("there is no transcript to summarize (transcribe skipped: the provider sent no transcript", recording.Stage(StageName.Summarize).LastError, StringComparison.Ordinal);
        Assert.False(await t.QueryAsync(db => db.Jobs.AnyAsync(j => j.Kind == JobKinds.ProcessRecordingText, t.Token)));
        var key = Assert.Single(t.StoredFiles());
        Assert.Equal(recording.StorageKey, key);
        await using (var file = File.OpenRead(Path.Combine(t.StoragePath, key)))
        {
            Assert.Equal(sha, Convert.ToHexStringLower(await SHA256.HashDataAsync(file, t.Token)));
        }

        Assert.Equal(JobState.Succeeded, (await t.QueryAsync(db => db.Jobs.SingleAsync(j => j.Id == job.Id, t.Token))).State);
        Assert.Empty(Directory.EnumerateFiles(t.TempPath));
    }

    [Fact]
    public async Task HandleAsync_TranscriptionEngineConfigured_QueuesTheTextJobWithStored()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        await using var t = await TestServices.StartAsync(OpenAiEngineTests.Settings(server, FakeOpenAiServer.Key), _simulator);
        var ingested = await IngestAsync(t, NewRecording(channels: 1, seconds: 2));

        await RunNextJobAsync(t);

        var recording = await LoadAsync(t, ingested.RecordingId!.Value);
        Assert.Equal(RecordingStatus.Stored, recording.Status);
        Assert.Equal((StageStatus.Pending, StageStatus.Pending), (recording.Stage(StageName.Transcribe).Status, recording.Stage(StageName.Summarize).Status));
        Assert.Equal(JobState.Queued, (await t.QueryAsync(db => db.Jobs.SingleAsync(j => j.Kind == JobKinds.ProcessRecordingText, t.Token))).State);
    }

    [Fact]
    public async Task HandleAsync_RecordingOfAnUnseenCall_MatchesItToACallBeforeStoring()
    {
        await using var t = await TestServices.StartAsync(simulator: _simulator);
        var call = _simulator.CreateCall(new CallSpec());
        var simulated = _simulator.AddRecording(new RecordingSpec { CallSid = call.Parent.Sid, Channels = 1, DurationSeconds = 2 });
        var ingested = await IngestAsync(t, simulated);

        await RunNextJobAsync(t);

        var recording = await LoadAsync(t, ingested.RecordingId!.Value);
        Assert.Equal(RecordingStatus.Stored, recording.Status);
        Assert.NotNull(recording.CallId);
        Assert.NotNull(recording.MatchMethod);
        var stored = await t.QueryAsync(db => db.Calls.Include(c => c.Legs).SingleAsync(c => c.Id == recording.CallId, t.Token));
        Assert.Contains(stored.Legs, l => l.ProviderCallId == call.Parent.Sid);
    }

    [Fact]
    public async Task HandleAsync_ReportedDurationFarFromTheAudio_RetriesThenGoesDeadAfterMaxAttempts()
    {
        await using var t = await TestServices.StartAsync(new Dictionary<string, string?> { ["CallVault:Jobs:MaxAttempts"] = "2" }, _simulator);
        var simulated = NewRecording(channels: 1, seconds: 3);
        var ingested = await IngestAsync(t, simulated, new Dictionary<string, string> { ["RecordingDuration"] = "60" });

        var (_, first) = await RunNextJobAsync(t);
        var afterFirst = await LoadAsync(t, ingested.RecordingId!.Value);
        var queued = await t.QueryAsync(db => db.Jobs.SingleAsync(t.Token));
        var tooEarly = await t.Queue.TryClaimAsync("worker", t.Token);
        t.Clock.Advance(TimeSpan.FromHours(1));
        var (_, second) = await RunNextJobAsync(t);

        var retry = Assert.IsType<JobOutcome.Retry>(first);
        Assert.Contains("60 s", retry.Reason, StringComparison.Ordinal);
        Assert.Contains("3 s", retry.Reason, StringComparison.Ordinal);
        Assert.True(retry.At > TestServices.Start.UtcDateTime);
        Assert.Equal((JobState.Queued, retry.At, retry.Reason), (queued.State, queued.RunAfter, queued.LastError));
        Assert.Null(tooEarly);
        Assert.Equal(RecordingStatus.Processing, afterFirst.Status);
        Assert.Equal((StageStatus.Pending, 1, retry.Reason), (afterFirst.Stage(StageName.Validate).Status, afterFirst.Stage(StageName.Validate).Attempts, afterFirst.Stage(StageName.Validate).LastError));

        var dead = Assert.IsType<JobOutcome.Dead>(second);
        Assert.Contains("60 s", dead.Reason, StringComparison.Ordinal);
        var recording = await LoadAsync(t, ingested.RecordingId.Value);
        Assert.Equal(RecordingStatus.Failed, recording.Status);
        var validate = recording.Stage(StageName.Validate);
        Assert.Equal((StageStatus.Failed, 2), (validate.Status, validate.Attempts));
        Assert.Contains("provider reported 60 s", validate.LastError, StringComparison.Ordinal);
        Assert.StartsWith("validate:", recording.LastError, StringComparison.Ordinal);
        Assert.Equal(StageStatus.Pending, recording.Stage(StageName.Store).Status);
        Assert.Equal(JobState.Dead, (await t.QueryAsync(db => db.Jobs.SingleAsync(t.Token))).State);
        Assert.Empty(t.StoredFiles());
    }

    [Fact]
    public async Task HandleAsync_SecondRunAfterSuccess_StoresNothingNewAndDownloadsNothing()
    {
        await using var t = await TestServices.StartAsync(simulator: _simulator);
        var simulated = NewRecording(channels: 1, seconds: 2);
        var ingested = await IngestAsync(t, simulated);
        await RunNextJobAsync(t);
        var before = await LoadAsync(t, ingested.RecordingId!.Value);
        var requests = _simulator.Stats.MediaRequests;
        await t.EnqueueAsync(JobKinds.ProcessRecording, before.Id);

        var (_, outcome) = await RunNextJobAsync(t);

        Assert.Equal(JobOutcome.Done, outcome);
        Assert.Equal(requests, _simulator.Stats.MediaRequests);
        Assert.Equal([before.StorageKey!], t.StoredFiles());
        var after = await LoadAsync(t, before.Id);
        Assert.Equal((RecordingStatus.Stored, before.Sha256, before.StoredAt), (after.Status, after.Sha256, after.StoredAt));
        Assert.All(AudioStages, s => Assert.Equal(1, after.Stage(s).Attempts));
    }

    [Fact]
    public async Task HandleAsync_CrashAfterTheObjectWasWritten_ReusesTheStoredObjectInsteadOfWritingAgain()
    {
        await using var t = await TestServices.StartAsync(simulator: _simulator);
        var simulated = NewRecording(channels: 1, seconds: 2);
        var ingested = await IngestAsync(t, simulated);
        await RunNextJobAsync(t);
        var key = (await LoadAsync(t, ingested.RecordingId!.Value)).StorageKey!;
        var path = Path.Combine(t.StoragePath, key);
        var marker = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, marker);
        // As if the process died after the rename but before the database said "stored".
        await t.ChangeAsync(async db =>
        {
            var r = await db.Recordings.Include(x => x.Stages).SingleAsync(x => x.Id == ingested.RecordingId, t.Token);
            r.Status = RecordingStatus.Processing;
            r.StoredAt = null;
            foreach (var stage in r.Stages.Where(s => AudioStages.Contains(s.Stage)))
            {
                stage.Status = StageStatus.Pending;
            }
        });
        await t.EnqueueAsync(JobKinds.ProcessRecording, ingested.RecordingId);

        var (_, outcome) = await RunNextJobAsync(t);

        Assert.Equal(JobOutcome.Done, outcome);
        Assert.Equal([key], t.StoredFiles());
        Assert.Equal(marker, File.GetLastWriteTimeUtc(path));
        var recording = await LoadAsync(t, ingested.RecordingId.Value);
        Assert.Equal((RecordingStatus.Stored, await simulated.ComputeSha256Async(t.Token)), (recording.Status, recording.Sha256));
    }

    [Fact]
    public async Task HandleAsync_MediaUrlOnAnotherHost_GoesDeadAtOnceWithoutFetching()
    {
        await using var t = await TestServices.StartAsync(simulator: _simulator);
        var simulated = NewRecording();
        var elsewhere = new UriBuilder(simulated.MediaUrl) { Host = "localhost" }.Uri.AbsoluteUri;
        var ingested = await IngestAsync(t, simulated, new Dictionary<string, string> { ["RecordingUrl"] = elsewhere });

        var (_, outcome) = await RunNextJobAsync(t);

        Assert.IsType<JobOutcome.Dead>(outcome);
        Assert.Equal(0, _simulator.Stats.MediaRequests);
        var recording = await LoadAsync(t, ingested.RecordingId!.Value);
        Assert.Equal((RecordingStatus.Failed, StageStatus.Failed, 1), (recording.Status, recording.Stage(StageName.Download).Status, recording.Stage(StageName.Download).Attempts));
        Assert.Contains("not the configured Twilio API host", recording.LastError, StringComparison.Ordinal);
        Assert.Empty(t.StoredFiles());
    }

    private SimulatedRecording NewRecording(int channels = 1, double seconds = 2) =>
        _simulator.AddRecording(new RecordingSpec { CallSid = TestSids.Call(), Channels = channels, DurationSeconds = seconds });

    private async Task<IngestResult> IngestAsync(TestServices t, SimulatedRecording simulated, IDictionary<string, string>? overrides = null)
    {
        var (callback, body) = SimulatorCallbacks.Recording(_simulator, simulated, overrides: overrides);
        var result = await t.ApplyAsync(new TwilioRecordingEvent(callback, body));
        Assert.True(result.JobEnqueued);
        return result;
    }

    /// <summary>Claims the next job, runs the recording handler on it, and records the outcome, as a worker would.</summary>
    private static async Task<(ClaimedJob Job, JobOutcome Outcome)> RunNextJobAsync(TestServices t)
    {
        var job = await t.Queue.TryClaimAsync("worker", t.Token);
        Assert.NotNull(job);
        while (job.Kind == JobKinds.ProcessRecordingText)
        {
            // Storing queued the transcribe/summarize job; it runs as the workers would run it.
            var handler = t.Services.GetServices<IJobHandler>().Single(h => h.Kind == JobKinds.ProcessRecordingText);
            Assert.True(await t.Queue.CompleteAsync(job, await handler.HandleAsync(job, t.Token), t.Token));
            job = await t.Queue.TryClaimAsync("worker", t.Token);
            Assert.NotNull(job);
        }

        Assert.Equal(JobKinds.ProcessRecording, job.Kind);
        var outcome = await t.RecordingHandler.HandleAsync(job, t.Token);
        Assert.True(await t.Queue.CompleteAsync(job, outcome, t.Token));
        return (job, outcome);
    }

    private static Task<Recording> LoadAsync(TestServices t, Guid id) =>
        t.QueryAsync(db => db.Recordings.Include(r => r.Stages).AsNoTracking().SingleAsync(r => r.Id == id, t.Token));
}
