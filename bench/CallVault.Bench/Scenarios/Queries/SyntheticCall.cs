namespace CallVault.Bench.Scenarios.Queries;

/// <summary>A generated call before it is written: the parent leg's facts, a dialled agent leg if any, its recording.</summary>
internal sealed record SyntheticCall(Guid Id, string ProviderCallId, string Direction, string From, string To, string Status, DateTime StartedAt, int DurationSeconds, string? Agent)
{
    public bool RecordingMissing { get; init; }

    public SyntheticRecording? Recording { get; init; }
}

/// <summary>A generated recording: its status as the product stores it (<c>Stored</c>, <c>Failed</c>, <c>Absent</c>) and its text.</summary>
internal sealed record SyntheticRecording(Guid Id, string ProviderRecordingId, string Status, string? Transcript, string? Summary);
