using CallVault.Core.Recordings;
using CallVault.Infrastructure.Ingestion;
using CallVault.Infrastructure.Jobs;
using CallVault.Infrastructure.Storage;
using CallVault.Infrastructure.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CallVault.Infrastructure.Tests.Transcription;

/// <summary>The transcribe/summarize job on a stored recording, run step by step on a fake clock.</summary>
public sealed class RecordingTextPipelineTests
{
    [Fact]
    public async Task HandleAsync_ServerRateLimitsWithRetryAfter_StageWaitsThatLongThenCompletes()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Failure = (429, "Rate limit reached.", 120);
        server.FailTranscriptions(1);
        server.Transcribe = _ => [(0.2, 1.8, "Where is my parcel?")];
        await using var t = await TestServices.StartAsync(OpenAiEngineTests.Settings(server, FakeOpenAiServer.Key));
        var id = await StoreAsync(t, PcmWav.Create(8000, new short[8000 * 2].Select((_, i) => (short)(5000 * Math.Sin(i / 3.0))).ToArray()));
        await t.EnqueueAsync(JobKinds.ProcessRecordingText, id);

        var first = await RunNextAsync(t);
        var waiting = await LoadAsync(t, id);
        var tooEarly = await t.Queue.TryClaimAsync("worker", t.Token);
        t.Clock.Advance(TimeSpan.FromSeconds(121));
        var second = await RunNextAsync(t);
        var done = await LoadAsync(t, id);

        var retry = Assert.IsType<JobOutcome.Retry>(first);
        Assert.True(retry.At >= TestServices.Start.UtcDateTime.AddSeconds(120), $"retry at {retry.At:O}");
        Assert.Null(tooEarly);
        var transcribe = waiting.Stage(StageName.Transcribe);
        Assert.Equal((StageStatus.Pending, 1, "the transcription server answered 429: Rate limit reached."), (transcribe.Status, transcribe.Attempts, transcribe.LastError));
        Assert.Equal(StageStatus.Pending, waiting.Stage(StageName.Summarize).Status);
        Assert.Equal(JobOutcome.Done, second);
        Assert.Equal((StageStatus.Completed, 2), (done.Stage(StageName.Transcribe).Status, done.Stage(StageName.Transcribe).Attempts));
        Assert.Equal("Where is my parcel?", done.TranscriptText);
        Assert.Equal((StageStatus.Completed, "openai", "The caller asked about an invoice."), (done.Stage(StageName.Summarize).Status, done.SummaryEngine, done.SummaryText));
        Assert.Equal(RecordingStatus.Stored, done.Status);
    }

    [Fact]
    public async Task HandleAsync_RecordingNotStoredYet_DoesNothing()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        await using var t = await TestServices.StartAsync(OpenAiEngineTests.Settings(server, FakeOpenAiServer.Key));
        var recording = RecordingFactory.Create("sip", "r-waiting", t.Clock.UtcNow);
        await t.ChangeAsync(db => Task.FromResult(db.Recordings.Add(recording)));
        await t.EnqueueAsync(JobKinds.ProcessRecordingText, recording.Id);

        var outcome = await RunNextAsync(t);

        Assert.Equal(JobOutcome.Done, outcome);
        Assert.Equal(0, server.TranscriptionRequests);
        Assert.Equal(StageStatus.Pending, (await LoadAsync(t, recording.Id)).Stage(StageName.Transcribe).Status);
    }

    /// <summary>A mono recording stored as the pipeline would leave it.</summary>
    private static async Task<Guid> StoreAsync(TestServices t, byte[] wav)
    {
        var recording = RecordingFactory.Create("sip", "r-stored", t.Clock.UtcNow);
        recording.Status = RecordingStatus.Stored;
        recording.Channels = 1;
        recording.Format = "wav";
        recording.StorageKey = StorageKeys.For(recording, "wav");
        await using (var content = new MemoryStream(wav))
        {
            await t.Storage.PutAsync(recording.StorageKey, content, t.Token);
        }

        await t.ChangeAsync(db => Task.FromResult(db.Recordings.Add(recording)));
        return recording.Id;
    }

    private static async Task<JobOutcome> RunNextAsync(TestServices t)
    {
        var job = await t.Queue.TryClaimAsync("worker", t.Token);
        Assert.NotNull(job);
        Assert.Equal(JobKinds.ProcessRecordingText, job.Kind);
        var outcome = await t.Services.GetServices<IJobHandler>().Single(h => h.Kind == job.Kind).HandleAsync(job, t.Token);
        Assert.True(await t.Queue.CompleteAsync(job, outcome, t.Token));
        return outcome;
    }

    private static Task<Recording> LoadAsync(TestServices t, Guid id) =>
        t.QueryAsync(db => db.Recordings.Include(r => r.Stages).AsNoTracking().SingleAsync(r => r.Id == id, t.Token));
}
