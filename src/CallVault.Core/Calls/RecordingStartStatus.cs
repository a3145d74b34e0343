namespace CallVault.Core.Calls;

/// <summary>Outcomes of starting a recording on a live call (<see cref="Call.RecordingStartStatus"/>).</summary>
public static class RecordingStartStatus
{
    /// <summary>Asked for; the job has not reached a final answer yet (it may be retrying).</summary>
    public const string Queued = "queued";

    /// <summary>The provider is recording both channels; <see cref="Call.RecordingStartRecordingSid"/> names the recording.</summary>
    public const string Started = "started";

    /// <summary>The provider says the call is no longer in progress (Twilio error 21220): nothing to record, not retried.</summary>
    public const string CallNotInProgress = "call-not-in-progress";

    /// <summary>The provider refused the request, or it kept failing until the attempts ran out.</summary>
    public const string Failed = "failed";
}
