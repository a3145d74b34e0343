namespace CallVault.Core.Jobs;

/// <summary>
/// One claim of a job by one worker, written by the database as the claim starts and ends. An
/// attempt without an end was never finished by its worker (its process died).
/// </summary>
public sealed class JobAttempt
{
    public long Id { get; set; }
    public long JobId { get; set; }
    public int Attempt { get; set; }
    public required string Owner { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }

    /// <summary>The job's state when the attempt ended: Succeeded, Queued (retry or hand-back) or Dead; LeaseLost when another worker had taken the job over.</summary>
    public string? Outcome { get; set; }
}
