namespace CallVault.Infrastructure.Scheduling;

/// <summary>The lease names of the scheduled work that runs once per interval across instances.</summary>
public static class ScheduledWorkNames
{
    public const string Retention = "retention";
    public const string RecordingMissingSweep = "recording-missing-sweep";
    public const string Reconciliation = "reconciliation";
}
