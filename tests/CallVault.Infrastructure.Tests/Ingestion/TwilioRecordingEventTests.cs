using CallVault.Core.Jobs;
using CallVault.Core.Recordings;
using CallVault.Infrastructure.Jobs;
using CallVault.Infrastructure.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Tests.Ingestion;

public sealed class TwilioRecordingEventTests
{
    [Fact]
    public async Task WriteAsync_SameCompletedCallbackDeliveredTwice_CreatesOneRecordingAndOneJob()
    {
        await using var t = await TestServices.StartAsync();
        var writer = await t.StartWriterAsync();
        var callSid = TestSids.Call();
        var recordingSid = TestSids.Recording();

        var first = await writer.WriteAsync(TwilioCallbacks.Recording(callSid, recordingSid), t.Token);
        var second = await writer.WriteAsync(TwilioCallbacks.Recording(callSid, recordingSid), t.Token);

        Assert.False(first.Duplicate);
        Assert.True(first.JobEnqueued);
        Assert.True(second.Duplicate);
        Assert.False(second.JobEnqueued);
        var recording = await t.QueryAsync(db => db.Recordings.Include(r => r.Stages).SingleAsync(t.Token));
        Assert.Equal(first.RecordingId, recording.Id);
        Assert.Equal(RecordingStatus.Processing, recording.Status);
        var job = await t.QueryAsync(db => db.Jobs.SingleAsync(t.Token));
        Assert.Equal((JobKinds.ProcessRecording, recording.Id, JobState.Queued), (job.Kind, job.RecordingId, job.State));
        Assert.Equal(1, await t.QueryAsync(db => db.InboundEvents.CountAsync(t.Token)));
    }

    [Fact]
    public async Task WriteAsync_SameCallbackDeliveredConcurrently_CreatesOneRecordingAndOneJob()
    {
        await using var t = await TestServices.StartAsync();
        var writer = await t.StartWriterAsync();
        var callSid = TestSids.Call();
        var recordingSid = TestSids.Recording();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => writer.WriteAsync(TwilioCallbacks.Recording(callSid, recordingSid), t.Token))));

        Assert.Single(results, r => !r.Duplicate);
        Assert.Equal(1, await t.QueryAsync(db => db.Recordings.CountAsync(t.Token)));
        Assert.Equal(1, await t.QueryAsync(db => db.Jobs.CountAsync(t.Token)));
        Assert.Equal(1, await t.QueryAsync(db => db.InboundEvents.CountAsync(t.Token)));
    }

    [Fact]
    public async Task WriteAsync_Absent_MarksTheAudioStagesSkippedAndCreatesNoJob()
    {
        await using var t = await TestServices.StartAsync();
        var writer = await t.StartWriterAsync();

        var result = await writer.WriteAsync(TwilioCallbacks.Recording(TestSids.Call(), TestSids.Recording(), "absent", errorCode: "13617"), t.Token);

        Assert.False(result.JobEnqueued);
        var recording = await t.QueryAsync(db => db.Recordings.Include(r => r.Stages).SingleAsync(t.Token));
        Assert.Equal(RecordingStatus.Absent, recording.Status);
        Assert.Equal("13617", recording.ProviderErrorCode);
        Assert.Contains("13617", recording.LastError, StringComparison.Ordinal);
        Assert.Equal(Enum.GetValues<StageName>().Length, recording.Stages.Count);
        Assert.All(recording.Stages, s => Assert.Equal(StageStatus.Skipped, s.Status));
        Assert.All(new[] { StageName.Download, StageName.Validate, StageName.Store }, name => Assert.Equal("the provider made no audio", recording.Stage(name).LastError));
        Assert.Equal(0, await t.QueryAsync(db => db.Jobs.CountAsync(t.Token)));
    }

    [Fact]
    public async Task WriteAsync_ProviderFailed_MarksTheRecordingFailedWithoutAJob()
    {
        await using var t = await TestServices.StartAsync();
        var writer = await t.StartWriterAsync();

        var result = await writer.WriteAsync(TwilioCallbacks.Recording(TestSids.Call(), TestSids.Recording(), "failed", errorCode: "13620"), t.Token);

        Assert.False(result.JobEnqueued);
        var recording = await t.QueryAsync(db => db.Recordings.SingleAsync(t.Token));
        Assert.Equal(RecordingStatus.Failed, recording.Status);
        Assert.Equal("failed", recording.ProviderStatus);
        Assert.Equal(0, await t.QueryAsync(db => db.Jobs.CountAsync(t.Token)));
    }

    [Fact]
    public async Task WriteAsync_InProgressThenCompleted_OneRecordingAndOneJobAfterCompleted()
    {
        await using var t = await TestServices.StartAsync();
        var writer = await t.StartWriterAsync();
        var callSid = TestSids.Call();
        var recordingSid = TestSids.Recording();

        var inProgress = await writer.WriteAsync(TwilioCallbacks.Recording(callSid, recordingSid, "in-progress"), t.Token);
        var jobsAfterInProgress = await t.QueryAsync(db => db.Jobs.CountAsync(t.Token));
        var completed = await writer.WriteAsync(TwilioCallbacks.Recording(callSid, recordingSid, "completed", channels: 2), t.Token);

        Assert.False(inProgress.JobEnqueued);
        Assert.Equal(0, jobsAfterInProgress);
        Assert.True(completed.JobEnqueued);
        Assert.Equal(inProgress.RecordingId, completed.RecordingId);
        var recording = await t.QueryAsync(db => db.Recordings.SingleAsync(t.Token));
        Assert.Equal(("completed", RecordingStatus.Processing, 2, 5.0), (recording.ProviderStatus, recording.Status, recording.ProviderChannels, recording.ProviderDurationSeconds));
        Assert.NotNull(recording.MediaUrl);
        Assert.Equal(1, await t.QueryAsync(db => db.Jobs.CountAsync(t.Token)));
    }

    [Fact]
    public async Task WriteAsync_RecordingForAnUnknownCall_KeepsItUnmatchedWithAJobForThePipeline()
    {
        await using var t = await TestServices.StartAsync();
        var writer = await t.StartWriterAsync();
        var callSid = TestSids.Call();

        var result = await writer.WriteAsync(TwilioCallbacks.Recording(callSid, TestSids.Recording()), t.Token);

        Assert.True(result.JobEnqueued);
        Assert.Null(result.CallId);
        var recording = await t.QueryAsync(db => db.Recordings.SingleAsync(t.Token));
        Assert.Equal((callSid, (Guid?)null, (string?)null), (recording.ProviderCallId, recording.CallId, recording.MatchMethod));
        Assert.Contains(callSid, recording.MatchAttempts, StringComparison.Ordinal);
        Assert.Equal(0, await t.QueryAsync(db => db.Calls.CountAsync(t.Token)));
    }

    [Fact]
    public async Task WriteAsync_RecordingForAKnownLeg_MatchesItsCallByCallSid()
    {
        await using var t = await TestServices.StartAsync();
        var writer = await t.StartWriterAsync();
        var callSid = TestSids.Call();
        var status = await writer.WriteAsync(TwilioCallbacks.CallStatus(callSid, "completed", sequence: 3), t.Token);

        var result = await writer.WriteAsync(TwilioCallbacks.Recording(callSid, TestSids.Recording()), t.Token);

        Assert.Equal(status.CallId, result.CallId);
        Assert.Equal(1, await t.QueryAsync(db => db.Calls.CountAsync(t.Token)));
        var recording = await t.QueryAsync(db => db.Recordings.SingleAsync(t.Token));
        Assert.Equal(MatchMethod.CallSid, recording.MatchMethod);
    }
}
