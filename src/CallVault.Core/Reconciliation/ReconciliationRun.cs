namespace CallVault.Core.Reconciliation;

/// <summary>
/// One comparison of the provider, the database and storage, with what it found and what it fixed.
/// Kept for history. A durable job: a run interrupted by a crash starts over (every repair is idempotent).
/// </summary>
public sealed class ReconciliationRun
{
    public Guid Id { get; set; }
    public ReconciliationStatus Status { get; set; }

    /// <summary>What the run may change: nothing (dry run), only what the webhook path missed, or everything it can.</summary>
    public ReconciliationRepair Repair { get; set; }

    /// <summary>Delete orphan objects older than <see cref="OrphanGraceSeconds"/>.</summary>
    public bool DeleteOrphans { get; set; }
    public long OrphanGraceSeconds { get; set; }

    /// <summary>Stored recordings re-hashed in storage; null: all of them.</summary>
    public int? ChecksumSample { get; set; }

    public int MissingMetadata { get; set; }
    public int OrphanObjects { get; set; }
    public int MissingObjects { get; set; }
    public int ChecksumMismatches { get; set; }

    /// <summary>Objects written whose recording never became stored (a crash between object write and row commit).</summary>
    public int InterruptedStores { get; set; }
    public int Repaired { get; set; }
    public int DeletedOrphans { get; set; }

    /// <summary>Recordings marked failed because nothing can bring their audio back.</summary>
    public int Unrecoverable { get; set; }

    public int ProviderListed { get; set; }
    public int RecordingsScanned { get; set; }
    public int ObjectsScanned { get; set; }
    public int ChecksumsVerified { get; set; }

    /// <summary>The first findings of each kind, as JSON (for history; the counts are complete).</summary>
    public string? Findings { get; set; }

    /// <summary>The <c>reconcile.run</c> job that does the work.</summary>
    public long JobId { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public string? LastError { get; set; }
    public string? RequestedBy { get; set; }
}
