using System.Diagnostics.Metrics;

namespace CallVault.Infrastructure.Reconciliation;

/// <summary>Reconciliation counters for the metrics endpoint (meter <c>CallVault.Sync</c>).</summary>
public static class SyncMetrics
{
    public const string MeterName = "CallVault.Sync";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> MissingMetadata = Meter.CreateCounter<long>("callvault.reconcile.missing_metadata", description: "Recordings the provider has and CallVault had never heard of.");
    public static readonly Counter<long> OrphanObjects = Meter.CreateCounter<long>("callvault.reconcile.orphan_objects", description: "Stored objects no recording refers to.");
    public static readonly Counter<long> MissingObjects = Meter.CreateCounter<long>("callvault.reconcile.missing_objects", description: "Stored recordings whose object is missing.");
    public static readonly Counter<long> ChecksumMismatches = Meter.CreateCounter<long>("callvault.reconcile.checksum_mismatches", description: "Stored objects whose SHA-256 no longer matches.");
    public static readonly Counter<long> Repaired = Meter.CreateCounter<long>("callvault.reconcile.repaired", description: "Findings a reconciliation repaired (imported, fetched again, resumed).");

    public static readonly Counter<long> ImportedRecordings = Meter.CreateCounter<long>("callvault.import.recordings", description: "Recordings an import found at the provider, by outcome (imported, skipped, failed).");
    public static readonly Counter<long> Reconciliations = Meter.CreateCounter<long>("callvault.reconcile.runs", description: "Reconciliation runs finished, by status.");

    internal static void RecordImported(string outcome) => ImportedRecordings.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    internal static void Record(ReconciliationTally tally, string status)
    {
        MissingMetadata.Add(tally.MissingMetadata);
        OrphanObjects.Add(tally.OrphanObjects);
        MissingObjects.Add(tally.MissingObjects);
        ChecksumMismatches.Add(tally.ChecksumMismatches);
        Repaired.Add(tally.Repaired);
        Reconciliations.Add(1, new KeyValuePair<string, object?>("status", status));
    }
}
