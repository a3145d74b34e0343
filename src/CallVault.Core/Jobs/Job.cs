namespace CallVault.Core.Jobs;

/// <summary>
/// A unit of durable background work. The database row is the record of the job; a lease marks
/// who runs it, and an expired lease makes it claimable again (crash recovery).
/// </summary>
public sealed class Job
{
    public long Id { get; set; }
    public required string Kind { get; set; }
    public Guid? RecordingId { get; set; }
    public JobState State { get; set; }
    public int Attempts { get; set; }
    public DateTime RunAfter { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseExpiresAt { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
