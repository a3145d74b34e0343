namespace CallVault.Infrastructure.Observability;

/// <summary>What the database-backed gauges report, read in one go.</summary>
internal sealed record DatabaseGaugeSnapshot(
    IReadOnlyDictionary<string, long> JobsByState,
    IReadOnlyDictionary<string, long> RecordingsByStatus,
    IReadOnlyDictionary<string, long> CallsWithoutRecordingByDirection,
    IReadOnlyDictionary<string, long> RecordingsByMatchMethod,
    long OrphanObjects,
    bool DatabaseUp)
{
    public static readonly DatabaseGaugeSnapshot Empty = new(
        new Dictionary<string, long>(), new Dictionary<string, long>(), new Dictionary<string, long>(), new Dictionary<string, long>(), 0, DatabaseUp: false);
}
