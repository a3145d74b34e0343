using CallVault.Core.Reconciliation;

namespace CallVault.Infrastructure.Reconciliation;

/// <summary>The counts of one run, and its first findings of each kind (for history).</summary>
internal sealed class ReconciliationTally(int maxFindingsPerKind)
{
    public const string MissingMetadataKind = "missingMetadata";
    public const string OrphanObjectKind = "orphanObject";
    public const string MissingObjectKind = "missingObject";
    public const string ChecksumMismatchKind = "checksumMismatch";
    public const string InterruptedStoreKind = "interruptedStore";
    public const string ProblemKind = "problem";

    private readonly List<ReconciliationFinding> _findings = [];
    private readonly Dictionary<string, int> _perKind = new(StringComparer.Ordinal);

    public int MissingMetadata { get; set; }
    public int OrphanObjects { get; set; }
    public int MissingObjects { get; set; }
    public int ChecksumMismatches { get; set; }
    public int InterruptedStores { get; set; }
    public int Repaired { get; set; }
    public int DeletedOrphans { get; set; }
    public int Unrecoverable { get; set; }
    public int ProviderListed { get; set; }
    public int RecordingsScanned { get; set; }
    public int ObjectsScanned { get; set; }
    public int ChecksumsVerified { get; set; }

    public IReadOnlyList<ReconciliationFinding> Findings => _findings;

    public void Note(string kind, string subject, string? detail)
    {
        var count = _perKind.GetValueOrDefault(kind);
        if (count < maxFindingsPerKind)
        {
            _findings.Add(new ReconciliationFinding(kind, subject, detail));
        }

        _perKind[kind] = count + 1;
    }

    public void CopyTo(ReconciliationRun run)
    {
        run.MissingMetadata = MissingMetadata;
        run.OrphanObjects = OrphanObjects;
        run.MissingObjects = MissingObjects;
        run.ChecksumMismatches = ChecksumMismatches;
        run.InterruptedStores = InterruptedStores;
        run.Repaired = Repaired;
        run.DeletedOrphans = DeletedOrphans;
        run.Unrecoverable = Unrecoverable;
        run.ProviderListed = ProviderListed;
        run.RecordingsScanned = RecordingsScanned;
        run.ObjectsScanned = ObjectsScanned;
        run.ChecksumsVerified = ChecksumsVerified;
        run.Findings = ReconciliationFinding.Serialize(_findings);
    }
}
