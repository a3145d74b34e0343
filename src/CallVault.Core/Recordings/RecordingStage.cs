namespace CallVault.Core.Recordings;

/// <summary>The visible state of one pipeline stage of one recording.</summary>
public sealed class RecordingStage
{
    public Guid RecordingId { get; set; }
    public StageName Stage { get; set; }
    public StageStatus Status { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTime UpdatedAt { get; set; }
}
