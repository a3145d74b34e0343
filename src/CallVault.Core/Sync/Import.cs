namespace CallVault.Core.Sync;

/// <summary>
/// A backfill from a provider's recordings list for a range of days. A durable, resumable job: the
/// next page to read is the checkpoint, and the counts are derived from the <see cref="ImportItem"/>
/// ledger, so a crash and a resume never count one recording twice.
/// </summary>
public sealed class Import
{
    public Guid Id { get; set; }
    public required string Provider { get; set; }

    /// <summary>First day of the range (UTC, inclusive).</summary>
    public DateOnly From { get; set; }

    /// <summary>Last day of the range (UTC, inclusive).</summary>
    public DateOnly To { get; set; }
    public ImportStatus Status { get; set; }
    public int Found { get; set; }
    public int Imported { get; set; }
    public int Skipped { get; set; }
    public int Failed { get; set; }

    /// <summary>Pages of the list read and committed so far.</summary>
    public int Pages { get; set; }

    /// <summary>The page to read next; null before the first page.</summary>
    public string? NextPageUri { get; set; }

    /// <summary>The <c>import.run</c> job that does the work.</summary>
    public long JobId { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? LastError { get; set; }
    public string? RequestedBy { get; set; }
}
