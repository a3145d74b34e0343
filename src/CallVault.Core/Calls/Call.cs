namespace CallVault.Core.Calls;

/// <summary>A phone call as the user thinks of it: the first leg and every leg it created.</summary>
public sealed class Call
{
    public Guid Id { get; set; }
    public required string Provider { get; set; }

    /// <summary>The provider's id of the first (parent) leg.</summary>
    public required string ProviderCallId { get; set; }
    public string? Direction { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Status { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public int? DurationSeconds { get; set; }
    public bool RecordingMissing { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<CallLeg> Legs { get; } = [];
}
