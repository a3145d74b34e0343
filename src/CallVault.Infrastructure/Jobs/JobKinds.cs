namespace CallVault.Infrastructure.Jobs;

public static class JobKinds
{
    /// <summary>Runs a recording's pipeline from its first unfinished stage.</summary>
    public const string ProcessRecording = "recording.process";

    /// <summary>Runs a stored recording's transcribe and summarize stages, apart from storing the audio.</summary>
    public const string ProcessRecordingText = "recording.text";
}
