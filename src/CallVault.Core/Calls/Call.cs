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

    /// <summary>Recording started through the provider's REST API: <see cref="RecordingStartStatus"/> values, null when never asked.</summary>
    public string? RecordingStartStatus { get; set; }

    /// <summary>Why the start ended as it did (the provider's message, or the last transient error while retrying).</summary>
    public string? RecordingStartDetail { get; set; }

    /// <summary>The provider's id of the recording the start created (a second start yields the same one).</summary>
    public string? RecordingStartRecordingSid { get; set; }

    /// <summary>Where the provider reports the started recording's status (resolved when the start was asked for).</summary>
    public string? RecordingStartCallbackUrl { get; set; }

    /// <summary>The job that carries out the current start request.</summary>
    public long? RecordingStartJobId { get; set; }
    public DateTime? RecordingStartUpdatedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<CallLeg> Legs { get; } = [];
}
