using CallVault.Core.Transcripts;

namespace CallVault.Core.Recordings;

/// <summary>The one source of truth for a recording's metadata and where its audio is stored.</summary>
public sealed class Recording
{
    public Guid Id { get; set; }
    public Guid? CallId { get; set; }
    public required string Provider { get; set; }
    public required string ProviderRecordingId { get; set; }

    /// <summary>Where the audio is fetched from: <see cref="RecordingOrigin"/>.</summary>
    public string Origin { get; set; } = RecordingOrigin.Twilio;
    public string? ProviderCallId { get; set; }
    public RecordingStatus Status { get; set; }

    /// <summary>The provider's own status word, kept as sent (providers add values).</summary>
    public string? ProviderStatus { get; set; }
    public string? ProviderErrorCode { get; set; }
    public string? Source { get; set; }
    public string? Track { get; set; }
    public string? MediaUrl { get; set; }
    public int? ProviderChannels { get; set; }
    public double? ProviderDurationSeconds { get; set; }
    public DateTime? StartedAt { get; set; }

    public int? Channels { get; set; }
    public double? DurationSeconds { get; set; }
    public string? Format { get; set; }
    public long? SizeBytes { get; set; }
    public string? Sha256 { get; set; }

    /// <summary>Written before the object is, so a crash in between leaves a trace to reconcile.</summary>
    public string? StorageKey { get; set; }

    /// <summary>The untouched original, when it is kept beside a transcoded copy.</summary>
    public string? OriginalStorageKey { get; set; }
    public string? MatchMethod { get; set; }
    public string? MatchDetail { get; set; }

    /// <summary>Each matching attempt and its outcome, in order, one per line.</summary>
    public string? MatchAttempts { get; set; }

    /// <summary>For dual-channel audio: the channel (1 or 2) that carries the agent; the other is the customer.</summary>
    public int? AgentChannel { get; set; }
    public string? TranscriptEngine { get; set; }
    public string? TranscriptText { get; set; }

    /// <summary>The transcript in time order, per speaker on dual-channel audio; empty when the engine gave text alone (a provider's).</summary>
    public IReadOnlyList<TranscriptSegment>? TranscriptSegments { get; set; }
    public string? SummaryEngine { get; set; }
    public string? SummaryText { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? StoredAt { get; set; }

    /// <summary>Exempt from retention while set.</summary>
    public bool LegalHold { get; set; }
    public string? LegalHoldReason { get; set; }
    public string? LegalHoldBy { get; set; }
    public DateTime? LegalHoldAt { get; set; }

    /// <summary>When and by whom (or by which rule) the audio was deleted; the metadata stays.</summary>
    public DateTime? DeletedAt { get; set; }
    public string? DeletedBy { get; set; }
    public List<RecordingStage> Stages { get; } = [];

    public RecordingStage Stage(StageName name) => Stages.First(s => s.Stage == name);
}
