using CallVault.Core.Pipeline;
using CallVault.Core.Recordings;
using CallVault.Infrastructure.Jobs;
using CallVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Pipeline;

/// <summary>
/// The job that transcribes and summarizes a stored recording. It runs apart from the audio pipeline,
/// so a slow or failing engine never holds up storing audio; each stage's status, attempts and last
/// error are recorded like the audio stages', transient failures come back with backoff, and the
/// stored audio is only ever read.
/// </summary>
internal sealed partial class RecordingTextPipeline(
    IDbContextFactory<CallVaultDbContext> contextFactory,
    IEnumerable<ITextStage> stages,
    RetryBackoff backoff,
    IOptions<JobOptions> jobOptions,
    TimeProvider time,
    ILogger<RecordingTextPipeline> logger) : IJobHandler
{
    private readonly ITextStage[] _stages = [.. stages.OrderBy(s => s.Name)];

    public string Kind => JobKinds.ProcessRecordingText;

    public async Task<JobOutcome> HandleAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // Transcripts and summaries can be made again from the stored audio: their commits need not
        // wait for the disk (see CommitDurability).
        await CommitDurability.RelaxAsync(db, cancellationToken);
        var recording = await db.Recordings.Include(r => r.Stages).FirstOrDefaultAsync(r => r.Id == job.RecordingId, cancellationToken);
        if (recording is not { Status: RecordingStatus.Stored })
        {
            // Not (or no longer) stored: storing it queues this job again.
            return JobOutcome.Done;
        }

        // A stage waiting for its retry holds back the next; one that failed for good does not (the
        // summary then says there is no transcript, and a retried transcript summarizes again).
        var result = JobOutcome.Done;
        foreach (var stage in _stages)
        {
            var state = recording.Stage(stage.Name);
            if (state.Status is not (StageStatus.Pending or StageStatus.Processing))
            {
                continue;
            }

            switch (await RunStageAsync(db, recording, stage, state, cancellationToken))
            {
                case JobOutcome.Retry retry:
                    return retry;
                case JobOutcome.Dead dead when result is JobOutcome.Succeeded:
                    result = dead;
                    break;
            }
        }

        return result;
    }

    private async Task<JobOutcome?> RunStageAsync(CallVaultDbContext db, Recording recording, ITextStage stage, RecordingStage state, CancellationToken cancellationToken)
    {
        state.Status = StageStatus.Processing;
        state.Attempts++;
        state.UpdatedAt = time.GetUtcNow().UtcDateTime;
        // Engines take a while: show the stage as in progress.
        await db.SaveChangesAsync(cancellationToken);

        StageResult result;
        try
        {
            result = await stage.ExecuteAsync(recording, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            result = new StageResult.Transient($"{ex.GetType().Name}: {ex.Message}");
        }

        var now = time.GetUtcNow().UtcDateTime;
        state.UpdatedAt = now;
        recording.UpdatedAt = now;
        JobOutcome? outcome = null;
        switch (result)
        {
            case StageResult.Completed:
                state.Status = StageStatus.Completed;
                state.LastError = null;
                if (stage.Name == StageName.Transcribe)
                {
                    SummarizeAgain(recording, now);
                }

                break;
            case StageResult.Skipped skipped:
                state.Status = StageStatus.Skipped;
                state.LastError = skipped.Reason;
                break;
            case StageResult.Transient transient when state.Attempts < jobOptions.Value.MaxAttempts:
                state.Status = StageStatus.Pending;
                state.LastError = transient.Reason;
                LogRetry(logger, recording.Id, stage.Name, state.Attempts, transient.Reason);
                var delay = backoff.Delay(state.Attempts);
                outcome = new JobOutcome.Retry(transient.Reason, now + (transient.RetryAfter is { } after && after > delay ? after : delay));
                break;
            default:
                var reason = result is StageResult.Permanent permanent ? permanent.Reason : ((StageResult.Transient)result).Reason;
                state.Status = StageStatus.Failed;
                state.LastError = reason;
                LogFailed(logger, recording.Id, stage.Name, state.Attempts, reason);
                outcome = new JobOutcome.Dead(reason);
                break;
        }

        await db.SaveChangesAsync(CancellationToken.None);
        return outcome;
    }

    /// <summary>A new transcript makes the summary of the old one stale (a provider's own summary stays).</summary>
    private static void SummarizeAgain(Recording recording, DateTime now)
    {
        var summarize = recording.Stage(StageName.Summarize);
        if (summarize.Status is StageStatus.Pending || recording.SummaryEngine == "provider")
        {
            return;
        }

        summarize.Status = StageStatus.Pending;
        summarize.Attempts = 0;
        summarize.LastError = null;
        summarize.UpdatedAt = now;
    }

    [LoggerMessage(EventId = 3601, Level = LogLevel.Warning, Message = "Recording {RecordingId}: stage {Stage} attempt {Attempt} failed, will retry: {Reason}")]
    private static partial void LogRetry(ILogger logger, Guid recordingId, StageName stage, int attempt, string reason);

    [LoggerMessage(EventId = 3602, Level = LogLevel.Error, Message = "Recording {RecordingId}: stage {Stage} failed after {Attempt} attempts: {Reason}")]
    private static partial void LogFailed(ILogger logger, Guid recordingId, StageName stage, int attempt, string reason);
}
