namespace CallVault.Bench.Scenarios;

/// <summary>The fields of <c>GET /api/recordings</c> items the benchmarks look at.</summary>
internal sealed record RecordingSnapshot(string ProviderRecordingId, string Status, string? Sha256, long? SizeBytes, string? LastError, DateTime? StoredAt, string? Format = null)
{
    public bool IsFinal => Status is "stored" or "failed" or "absent";
}
