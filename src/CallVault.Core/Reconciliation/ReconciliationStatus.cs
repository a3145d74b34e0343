namespace CallVault.Core.Reconciliation;

public enum ReconciliationStatus
{
    Running,
    Completed,
    Failed,
}
