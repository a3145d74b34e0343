using CallVault.Core.Jobs;
using CallVault.Core.Recordings;
using CallVault.Infrastructure.Jobs;
using CallVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Reconciliation;

/// <summary>
/// The changes a reconciliation makes to one recording, each re-checking the row first (it may have
/// moved since the scan) and enqueuing the pipeline only when no job of the recording is queued or running.
/// </summary>
internal sealed class RecordingRepairs(IDbContextFactory<CallVaultDbContext> contextFactory, JobSignal signal, TimeProvider time)
{
    private static readonly StageName[] FetchStages = [StageName.Download, StageName.Validate, StageName.Transcode, StageName.Store];

    /// <summary>A stored recording whose object is missing or corrupt goes back through download..store; false when it is no longer stored.</summary>
    public async Task<bool> FetchAgainAsync(Guid recordingId, string problem, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var recording = await db.Recordings.Include(r => r.Stages).FirstOrDefaultAsync(r => r.Id == recordingId, cancellationToken);
        if (recording is not { Status: RecordingStatus.Stored })
        {
            return false;
        }

        recording.Status = RecordingStatus.Processing;
        recording.LastError = $"reconciliation: {problem}; fetching it again from the provider";
        recording.UpdatedAt = now;
        foreach (var stage in recording.Stages.Where(s => FetchStages.Contains(s.Stage) && s.Status != StageStatus.Skipped))
        {
            stage.Status = StageStatus.Pending;
            stage.Attempts = 0;
            stage.LastError = problem;
            stage.UpdatedAt = now;
        }

        await EnqueueAsync(db, recordingId, now, cancellationToken);
        return true;
    }

    /// <summary>A stored recording nothing can bring back: <c>failed</c> with the reason (an admin retry tries the download again).</summary>
    public async Task<bool> MarkFailedAsync(Guid recordingId, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var recording = await db.Recordings.Include(r => r.Stages).FirstOrDefaultAsync(r => r.Id == recordingId, cancellationToken);
        if (recording is not { Status: RecordingStatus.Stored })
        {
            return false;
        }

        recording.Status = RecordingStatus.Failed;
        recording.LastError = reason;
        recording.UpdatedAt = now;
        if (recording.Stages.FirstOrDefault(s => s.Stage == StageName.Download) is { } download)
        {
            download.Status = StageStatus.Failed;
            download.LastError = reason;
            download.UpdatedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// A recording whose object was written but whose row never became stored (a crash in between):
    /// failed stages back to pending and the pipeline again — the store stage reuses the object when it
    /// holds the downloaded bytes. False when a job of the recording is still queued or running (it is in flight).
    /// </summary>
    public async Task<bool> ResumeAsync(Guid recordingId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var recording = await db.Recordings.Include(r => r.Stages).FirstOrDefaultAsync(r => r.Id == recordingId, cancellationToken);
        if (recording is null || !IsInterruptible(recording.Status) || await HasActiveJobAsync(db, recordingId, cancellationToken))
        {
            return false;
        }

        foreach (var stage in recording.Stages.Where(s => s.Status is StageStatus.Failed or StageStatus.Processing))
        {
            stage.Status = StageStatus.Pending;
            stage.Attempts = 0;
            stage.UpdatedAt = now;
        }

        recording.Status = RecordingStatus.Processing;
        recording.LastError = "reconciliation: the object was written but the recording never became stored; running the pipeline again";
        recording.UpdatedAt = now;
        await EnqueueAsync(db, recordingId, now, cancellationToken);
        return true;
    }

    /// <summary>Statuses whose object, when present, is the trace of an interrupted store.</summary>
    public static bool IsInterruptible(RecordingStatus status) => status is RecordingStatus.Processing or RecordingStatus.Failed or RecordingStatus.Awaiting;

    public static Task<bool> HasActiveJobAsync(CallVaultDbContext db, Guid recordingId, CancellationToken cancellationToken) =>
        db.Jobs.AnyAsync(j => j.RecordingId == recordingId && (j.State == JobState.Queued || j.State == JobState.Running), cancellationToken);

    private async Task EnqueueAsync(CallVaultDbContext db, Guid recordingId, DateTime now, CancellationToken cancellationToken)
    {
        if (!await HasActiveJobAsync(db, recordingId, cancellationToken))
        {
            db.Jobs.Add(JobQueue.NewJob(JobKinds.ProcessRecording, recordingId, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
    }
}
