namespace CallVault.Infrastructure.Jobs;

/// <summary>A job this worker holds the lease of.</summary>
public sealed record ClaimedJob(long Id, string Kind, Guid? RecordingId, int Attempts, string Owner);
