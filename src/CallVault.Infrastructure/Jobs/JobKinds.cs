namespace CallVault.Infrastructure.Jobs;

public static class JobKinds
{
    /// <summary>Runs a recording's pipeline from its first unfinished stage.</summary>
    public const string ProcessRecording = "recording.process";
}
