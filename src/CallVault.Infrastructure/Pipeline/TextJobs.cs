using CallVault.Core.Jobs;
using CallVault.Core.Recordings;
using CallVault.Infrastructure.Jobs;
using CallVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Pipeline;

/// <summary>Queues the transcribe/summarize job of a stored recording, in the caller's unit of work.</summary>
internal static class TextJobs
{
    public static readonly StageName[] Stages = [StageName.Transcribe, StageName.Summarize];

    /// <summary>
    /// Adds the job when a text stage is pending and no such job is waiting; true when added. A running one
    /// does not count: it may already be past the stage that was just sent back.
    /// </summary>
    public static async Task<bool> EnqueueAsync(CallVaultDbContext db, Recording recording, DateTime now, CancellationToken cancellationToken)
    {
        if (!recording.Stages.Any(s => Stages.Contains(s.Stage) && s.Status == StageStatus.Pending))
        {
            return false;
        }

        var active = await db.Jobs.AnyAsync(
            j => j.RecordingId == recording.Id && j.Kind == JobKinds.ProcessRecordingText && j.State == JobState.Queued,
            cancellationToken);
        if (active)
        {
            return false;
        }

        db.Jobs.Add(JobQueue.NewJob(JobKinds.ProcessRecordingText, recording.Id, now));
        return true;
    }
}
