using CallVault.Core.Reconciliation;
using CallVault.Infrastructure.Reconciliation;

namespace CallVault.Web.Reconciliations;

/// <summary>
/// A reconciliation as the API shows it. <c>repair</c> is true for a full repair; <c>repairScope</c>
/// tells the scheduled kind (<c>missed</c>: imports and resumed stores only) from a dry run (<c>none</c>).
/// <c>checksumSample</c> null means every stored object was re-hashed.
/// </summary>
internal sealed record ReconciliationDto(
    Guid Id,
    ReconciliationStatus Status,
    bool Repair,
    ReconciliationRepair RepairScope,
    bool DeleteOrphans,
    long OrphanGraceSeconds,
    int? ChecksumSample,
    int MissingMetadata,
    int OrphanObjects,
    int MissingObjects,
    int ChecksumMismatches,
    int InterruptedStores,
    int Repaired,
    int DeletedOrphans,
    int Unrecoverable,
    int ProviderListed,
    int RecordingsScanned,
    int ObjectsScanned,
    int ChecksumsVerified,
    DateTime StartedAt,
    DateTime? FinishedAt,
    string? LastError,
    string? RequestedBy,
    IReadOnlyList<ReconciliationFinding> Findings)
{
    public static ReconciliationDto FromEntity(ReconciliationRun r) => new(
        r.Id, r.Status, r.Repair == ReconciliationRepair.All, r.Repair, r.DeleteOrphans, r.OrphanGraceSeconds, r.ChecksumSample,
        r.MissingMetadata, r.OrphanObjects, r.MissingObjects, r.ChecksumMismatches, r.InterruptedStores, r.Repaired, r.DeletedOrphans, r.Unrecoverable,
        r.ProviderListed, r.RecordingsScanned, r.ObjectsScanned, r.ChecksumsVerified,
        r.StartedAt, r.FinishedAt, r.LastError, r.RequestedBy, ReconciliationFinding.Parse(r.Findings));
}
