namespace CallVault.Infrastructure.Reconciliation;

public static class ReconciliationJob
{
    /// <summary>Runs one reconciliation (provider vs database vs storage) from the start.</summary>
    public const string Kind = "reconcile.run";
}
