using CallVault.Core.Pipeline;
using CallVault.Core.Recordings;
using CallVault.Infrastructure.Events;
using CallVault.Infrastructure.Jobs;
using CallVault.Infrastructure.Matching;
using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CallVault.Infrastructure.Pipeline;

/// <summary>
/// Runs a recording's stages in order, recording each stage's status, attempts and last error as it
/// goes. The stages before <c>store</c> work on a local file, so a run that was interrupted starts
/// again from the download; once stored, only later stages still pending run (<see cref="StageOutcomes"/>
/// records each stage's result).
/// Transcribe and summarize are not run here: storing the audio queues <see cref="RecordingTextPipeline"/>.
/// </summary>
internal sealed partial class RecordingPipeline(
    IDbContextFactory<CallVaultDbContext> contextFactory,
    IEnumerable<IRecordingStage> stages,
    IEnumerable<ITextStage> textStages,
    TempFiles tempFiles,
    RecordingMatcher matcher,
    StageOutcomes outcomes,
    SqliteLogFlush logFlush,
    JobSignal signal,
    IEventHub events,
    TimeProvider time,
    ILogger<RecordingPipeline> logger) : IJobHandler
{
    private readonly IRecordingStage[] _stages = [.. stages.OrderBy(s => s.Name)];
    private readonly ITextStage[] _textStages = [.. textStages.OrderBy(s => s.Name)];

    public string Kind => JobKinds.ProcessRecording;

    public async Task<JobOutcome> HandleAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // Progress marks are bookkeeping (a run that loses them starts again from the download);
        // "stored" is made durable on its own below.
        await CommitDurability.RelaxAsync(db, cancellationToken);
        var recording = await db.Recordings.Include(r => r.Stages).FirstOrDefaultAsync(r => r.Id == job.RecordingId, cancellationToken);
        if (recording is null || recording.Status is RecordingStatus.Absent)
        {
            return JobOutcome.Done;
        }

        if (recording.CallId is null && recording.MatchMethod is null && recording.Origin == RecordingOrigin.Twilio)
        {
            // Saved with the download stage's first mark, one commit fewer per recording.
            await matcher.MatchAsync(db, recording, cancellationToken);
        }

        SkipStagesThatWillNotRun(recording);

        var workFile = tempFiles.PathFor(recording.Id, $"{job.Id}.work");
        var context = new PipelineContext(recording, workFile, ct => db.SaveChangesAsync(ct));
        try
        {
            foreach (var stage in _stages)
            {
                var outcome = await RunStageAsync(db, context, stage, cancellationToken);
                if (outcome is not null)
                {
                    return outcome;
                }
            }

            if (db.ChangeTracker.HasChanges())
            {
                await db.SaveChangesAsync(cancellationToken);
                Announce(recording);
            }

            LogStored(logger, recording.Id, recording.SizeBytes ?? 0);
            return JobOutcome.Done;
        }
        finally
        {
            // The download and whatever the stages derived from it (a transcoded copy).
            foreach (var file in new[] { workFile, context.WorkFile, context.OriginalFile }.OfType<string>().Distinct())
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>Runs one stage; null to go on, or the job's outcome when the run stops here.</summary>
    private async Task<JobOutcome?> RunStageAsync(CallVaultDbContext db, PipelineContext context, IRecordingStage stage, CancellationToken cancellationToken)
    {
        var recording = context.Recording;
        var state = recording.Stage(stage.Name);
        var alreadyStored = recording.Status == RecordingStatus.Stored && stage.Name <= StageName.Store;
        var settled = recording.Status == RecordingStatus.Stored && state.Status is StageStatus.Completed or StageStatus.Failed;
        if (state.Status == StageStatus.Skipped || alreadyStored || settled)
        {
            return null;
        }

        outcomes.Start(recording, state);
        if (stage.Name == StageName.Download)
        {
            // The run's first durable mark; later stages save their start themselves when they are
            // slow (transcode, store) and everything else rides on the next save.
            await db.SaveChangesAsync(cancellationToken);
            Announce(recording);
        }

        var outcome = await outcomes.RunAsync(recording, state, () => stage.ExecuteAsync(context, cancellationToken));
        var now = time.GetUtcNow().UtcDateTime;

        // Transcribe and summarize run in a job of their own, queued with "stored" in one commit; those
        // with nothing to do (engine off, no provider transcript) are settled in that commit instead.
        var storedNow = stage.Name == StageName.Store && state.Status == StageStatus.Completed;
        if (storedNow)
        {
            outcomes.SkipThoseThatWillNotRun(recording, _textStages);
        }

        var textQueued = storedNow && await TextJobs.EnqueueAsync(db, recording, now, cancellationToken);

        // A failure must be on record before the job's outcome is; so must "stored", before any
        // later stage (provider delete) acts on it.
        if (outcome is not null || stage.Name == StageName.Store)
        {
            await db.SaveChangesAsync(CancellationToken.None);
            if (storedNow)
            {
                // On disk before anything acts on it (the provider's copy is deleted only after this); the
                // flush is shared with whatever other workers committed meanwhile.
                await logFlush.FlushAsync(db, CancellationToken.None);
            }

            Announce(recording);
            if (storedNow)
            {
                events.Publish(ServerEvent.RecordingStored(recording.Id, recording.CallId));
            }
        }

        if (textQueued)
        {
            signal.Notify();
        }

        return outcome;
    }

    /// <summary>Live pages learn of a change once it is saved, so what they fetch shows it.</summary>
    private void Announce(Recording recording) =>
        events.Publish(ServerEvent.RecordingUpdated(recording.Id, recording.CallId, recording.Status.ToString().ToLowerInvariant()));

    /// <summary>
    /// Stages this version lacks, and stages that say up front they will not run for this recording
    /// (<see cref="IPipelineStage.SkipReason"/>): skipped now, so the skips ride on the run's first save.
    /// </summary>
    private void SkipStagesThatWillNotRun(Recording recording)
    {
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var state in recording.Stages.Where(s => s.Status == StageStatus.Pending && _stages.All(i => i.Name != s.Stage) && !TextJobs.Stages.Contains(s.Stage)))
        {
            state.Status = StageStatus.Skipped;
            state.LastError = "not available in this version";
            state.UpdatedAt = now;
        }

        outcomes.SkipThoseThatWillNotRun(recording, _stages);
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Recording {RecordingId} stored ({Bytes} bytes)")]
    private static partial void LogStored(ILogger logger, Guid recordingId, long bytes);
}
