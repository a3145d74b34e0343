namespace CallVault.Core.Reconciliation;

/// <summary>What a reconciliation may change.</summary>
public enum ReconciliationRepair
{
    /// <summary>A dry run: report only.</summary>
    None,

    /// <summary>
    /// What the scheduled run does: import recordings the provider has and CallVault never heard of,
    /// and run the pipeline again for recordings whose store a crash interrupted. Nothing is deleted
    /// or marked failed.
    /// </summary>
    Missed,

    /// <summary>Also re-download missing and corrupt objects (or mark them failed when the provider no longer has them).</summary>
    All,
}
