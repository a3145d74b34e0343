namespace CallVault.Core.Sync;

/// <summary>
/// One listed recording handled by an import: written in the same transaction as the recording
/// itself, unique per import and recording, so it is the proof that the item is done.
/// </summary>
public sealed class ImportItem
{
    public long Id { get; set; }
    public Guid ImportId { get; set; }
    public required string RecordingSid { get; set; }
    public ImportItemOutcome Outcome { get; set; }

    /// <summary>Why it was skipped or failed.</summary>
    public string? Reason { get; set; }
    public DateTime At { get; set; }
}
