namespace CallVault.Simulator;

/// <summary>What <see cref="TwilioSimulator.AddRecording"/> builds.</summary>
public sealed record RecordingSpec
{
    /// <summary>The call leg the recording belongs to (need not be a call created by the simulator, e.g. trunking).</summary>
    public required string CallSid { get; init; }

    /// <summary>1 or 2.</summary>
    public int Channels { get; init; } = 2;

    public double DurationSeconds { get; init; } = 30;

    public string Source { get; init; } = "DialVerb";

    /// <summary>Also used as <c>date_created</c> (what the list filters compare); the simulator's clock when null.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>An existing WAV file served instead of generated audio (its bytes are served as they are).</summary>
    public string? AudioFile { get; init; }

    /// <summary>A fixed <c>RE</c> SID; generated when null.</summary>
    public string? Sid { get; init; }
}
