namespace CallVault.Core.Calls;

/// <summary>One leg of a call (Twilio: one CallSid). Child legs point at their parent.</summary>
public sealed class CallLeg
{
    public Guid Id { get; set; }
    public Guid CallId { get; set; }
    public required string Provider { get; set; }
    public required string ProviderCallId { get; set; }
    public string? ParentProviderCallId { get; set; }
    public string? Direction { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Status { get; set; }

    /// <summary>Highest provider sequence number applied, so late events never move a leg backwards.</summary>
    public int? LastSequenceNumber { get; set; }
    public int? DurationSeconds { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
