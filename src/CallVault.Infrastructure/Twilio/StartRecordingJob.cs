namespace CallVault.Infrastructure.Twilio;

/// <summary>The job that asks Twilio to record a live call on two channels (see <see cref="StartRecordingJobHandler"/>).</summary>
public static class StartRecordingJob
{
    /// <summary>The job's kind; the call it concerns is the one whose <c>RecordingStartJobId</c> is the job's id.</summary>
    public const string Kind = "call.start-recording";
}
