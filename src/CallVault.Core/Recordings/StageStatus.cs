namespace CallVault.Core.Recordings;

public enum StageStatus
{
    Pending,
    Processing,
    Completed,
    Failed,
    Skipped,
}
