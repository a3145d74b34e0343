using CallVault.Core.Reconciliation;

namespace CallVault.Infrastructure.Reconciliation;

/// <summary>What a run may change and how many checksums it verifies (<see cref="ChecksumSample"/> null: all).</summary>
public sealed record ReconciliationRequest(ReconciliationRepair Repair, bool DeleteOrphans, long OrphanGraceSeconds, int? ChecksumSample)
{
    /// <summary>The API's default: a dry run, orphans older than a week would be deletable.</summary>
    public const long DefaultOrphanGraceSeconds = 604_800;

    /// <summary>Grace periods longer than ten years are refused.</summary>
    public const long MaxOrphanGraceSeconds = 10L * 366 * 86_400;

    public const int MaxChecksumSample = 1_000_000;

    /// <summary>Null when the values are acceptable, otherwise the reason.</summary>
    public string? Validate() =>
        OrphanGraceSeconds is < 0 or > MaxOrphanGraceSeconds ? $"orphanGraceSeconds must be between 0 and {MaxOrphanGraceSeconds}."
        : ChecksumSample is < 0 or > MaxChecksumSample ? $"checksumSample must be between 0 and {MaxChecksumSample}."
        : null;
}
