namespace CallVault.Core.Pipeline;

/// <summary>What a stage reports; the runner alone decides retry, backoff or dead letter.</summary>
public abstract record StageResult
{
    public static readonly StageResult Ok = new Completed();

    public sealed record Completed : StageResult;

    public sealed record Skipped(string Reason) : StageResult;

    public sealed record Transient(string Reason, TimeSpan? RetryAfter = null) : StageResult;

    public sealed record Permanent(string Reason) : StageResult;
}
