using CallVault.Core.Pipeline;
using CallVault.Core.Recordings;
using CallVault.Infrastructure.Events;
using CallVault.Infrastructure.Jobs;
using CallVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Pipeline;

/// <summary>
/// The job that transcribes and summarizes a stored recording. It runs apart from the audio pipeline,
/// so a slow or failing engine never holds up storing audio; each stage's result is recorded like the
/// audio stages' (<see cref="StageOutcomes"/>: status, attempts, last error, retries with backoff,
/// metrics), live pages hear of each change, and the stored audio is only ever read.
/// </summary>
internal sealed class RecordingTextPipeline(
    IDbContextFactory<CallVaultDbContext> contextFactory,
    IEnumerable<ITextStage> stages,
    StageOutcomes outcomes,
    IEventHub events,
    TimeProvider time) : IJobHandler
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

            if (stage.SkipReason(recording) is { } reason)
            {
                // Settled without an "in progress" commit; saved with the next stage's or at the end.
                outcomes.Skip(recording, state, reason);
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

        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(CancellationToken.None);
            Announce(recording);
        }

        return result;
    }

    private async Task<JobOutcome?> RunStageAsync(CallVaultDbContext db, Recording recording, ITextStage stage, RecordingStage state, CancellationToken cancellationToken)
    {
        outcomes.Start(recording, state);
        // Engines take a while: show the stage as in progress.
        await db.SaveChangesAsync(cancellationToken);
        Announce(recording);

        var outcome = await outcomes.RunAsync(recording, state, () => stage.ExecuteAsync(recording, cancellationToken));
        if (stage.Name == StageName.Transcribe && state.Status == StageStatus.Completed)
        {
            SummarizeAgain(recording, time.GetUtcNow().UtcDateTime);
        }

        await db.SaveChangesAsync(CancellationToken.None);
        Announce(recording);
        return outcome;
    }

    /// <summary>Live pages learn of a change once it is saved (the transcript badge and text update in place).</summary>
    private void Announce(Recording recording) =>
        events.Publish(ServerEvent.RecordingUpdated(recording.Id, recording.CallId, recording.Status.ToString().ToLowerInvariant()));

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
}
