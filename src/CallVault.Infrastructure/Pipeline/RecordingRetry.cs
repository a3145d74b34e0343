using CallVault.Core.Jobs;
using CallVault.Core.Recordings;
using CallVault.Infrastructure.Events;
using CallVault.Infrastructure.Jobs;
using CallVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Pipeline;

/// <summary>An admin's retry: failed stages go back to pending with a fresh attempt budget, and the pipeline runs again.</summary>
public sealed class RecordingRetry(IDbContextFactory<CallVaultDbContext> contextFactory, JobSignal signal, IEventHub events, TimeProvider time)
{
    public enum Outcome
    {
        NotFound,
        NothingToRetry,
        Enqueued,
    }

    public async Task<Outcome> RetryAsync(Guid recordingId, StageName? onlyStage, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var recording = await db.Recordings.Include(r => r.Stages).FirstOrDefaultAsync(r => r.Id == recordingId, cancellationToken);
        if (recording is null)
        {
            return Outcome.NotFound;
        }

        var failed = recording.Stages
            .Where(s => s.Status == StageStatus.Failed && (onlyStage is null || s.Stage == onlyStage))
            .ToList();
        if (failed.Count == 0)
        {
            return Outcome.NothingToRetry;
        }

        foreach (var stage in failed)
        {
            stage.Status = StageStatus.Pending;
            stage.Attempts = 0;
            stage.UpdatedAt = now;
        }

        if (recording.Status == RecordingStatus.Failed)
        {
            recording.Status = RecordingStatus.Processing;
        }

        recording.UpdatedAt = now;
        var active = await db.Jobs.AnyAsync(j => j.RecordingId == recordingId && (j.State == JobState.Queued || j.State == JobState.Running), cancellationToken);
        if (!active)
        {
            db.Jobs.Add(JobQueue.NewJob(JobKinds.ProcessRecording, recordingId, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        events.Publish(ServerEvent.RecordingUpdated(recording.Id, recording.CallId, recording.Status.ToString().ToLowerInvariant()));
        return Outcome.Enqueued;
    }
}
