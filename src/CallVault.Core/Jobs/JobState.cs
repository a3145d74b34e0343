namespace CallVault.Core.Jobs;

public enum JobState
{
    Queued,
    Running,
    Succeeded,

    /// <summary>Retries exhausted or a permanent failure: kept for inspection and manual retry.</summary>
    Dead,
}
