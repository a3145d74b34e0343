namespace CallVault.Core.Sync;

public enum ImportStatus
{
    Running,
    Completed,
    Failed,
}
