namespace CallVault.Infrastructure.Jobs;

public abstract record JobOutcome
{
    public static readonly JobOutcome Done = new Succeeded();

    public sealed record Succeeded : JobOutcome;

    /// <summary>Run again at <paramref name="At"/>.</summary>
    public sealed record Retry(string Reason, DateTime At) : JobOutcome;

    /// <summary>Given up: kept for inspection and manual retry.</summary>
    public sealed record Dead(string Reason) : JobOutcome;
}
