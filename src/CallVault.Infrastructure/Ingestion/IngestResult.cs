namespace CallVault.Infrastructure.Ingestion;

/// <summary>What writing one inbound event did.</summary>
public sealed record IngestResult(bool Duplicate, bool JobEnqueued, Guid? RecordingId = null, Guid? CallId = null)
{
    public static readonly IngestResult AlreadySeen = new(Duplicate: true, JobEnqueued: false);
}
