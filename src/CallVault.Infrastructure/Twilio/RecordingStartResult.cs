namespace CallVault.Infrastructure.Twilio;

/// <summary>What Twilio answered to "start recording this call", classified for the job that asked.</summary>
internal abstract record RecordingStartResult
{
    private RecordingStartResult()
    {
    }

    /// <summary>Recording (a second start on the same call yields the same recording).</summary>
    public sealed record Started(string RecordingSid) : RecordingStartResult;

    /// <summary>Error 21220: the call is no longer in progress. Final; nothing to record, nothing to retry.</summary>
    public sealed record CallNotInProgress(string Message) : RecordingStartResult;

    /// <summary>Refused for a reason that asking again will not change (unknown call, invalid request).</summary>
    public sealed record Rejected(string Reason) : RecordingStartResult;

    /// <summary>Throttled, a provider error or no answer: worth asking again later.</summary>
    public sealed record Transient(string Reason, TimeSpan? RetryAfter = null) : RecordingStartResult;
}
