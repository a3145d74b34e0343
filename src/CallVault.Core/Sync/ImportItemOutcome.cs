namespace CallVault.Core.Sync;

public enum ImportItemOutcome
{
    /// <summary>Written down with its pipeline job; the audio follows through the usual stages.</summary>
    Imported,

    /// <summary>Already known (from a webhook or an earlier import) or not a finished recording.</summary>
    Skipped,

    /// <summary>Could not be written; the reason is kept.</summary>
    Failed,
}
