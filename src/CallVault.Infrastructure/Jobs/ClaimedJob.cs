using CallVault.Core.Jobs;

namespace CallVault.Infrastructure.Jobs;

/// <summary>A job this worker holds the lease of.</summary>
public sealed record ClaimedJob(long Id, string Kind, Guid? RecordingId, int Attempts, string Owner)
{
    /// <summary>The claim of a job saved as created by <see cref="JobQueue.NewClaimedJob"/>.</summary>
    public static ClaimedJob Of(Job job) =>
        new(job.Id, job.Kind, job.RecordingId, job.Attempts, job.LeaseOwner ?? throw new ArgumentException("The job is not claimed.", nameof(job)));
}
