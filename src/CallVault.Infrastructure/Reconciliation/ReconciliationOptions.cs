using System.ComponentModel.DataAnnotations;

namespace CallVault.Infrastructure.Reconciliation;

public sealed class ReconciliationOptions
{
    public const string Section = "CallVault:Reconciliation";

    /// <summary>Minutes between scheduled runs (import what the webhook path missed, report the rest); 0: no schedule.</summary>
    [Range(0, 10_080, ErrorMessage = "CallVault:Reconciliation:IntervalMinutes must be between 0 (off) and 10080.")]
    public int IntervalMinutes { get; set; } = 60;

    /// <summary>Overrides <see cref="IntervalMinutes"/> in seconds (tests and demos).</summary>
    [Range(1, 604_800, ErrorMessage = "CallVault:Reconciliation:IntervalSeconds must be between 1 and 604800.")]
    public int? IntervalSeconds { get; set; }

    /// <summary>Days of the provider's recordings list compared with the database; 0: skip the provider.</summary>
    [Range(0, 90, ErrorMessage = "CallVault:Reconciliation:ProviderDays must be between 0 and 90.")]
    public int ProviderDays { get; set; } = 3;

    /// <summary>Stored recordings re-hashed per run when a request does not say.</summary>
    [Range(0, 1_000_000, ErrorMessage = "CallVault:Reconciliation:ChecksumSample must be between 0 and 1000000.")]
    public int ChecksumSample { get; set; } = 20;

    /// <summary>Recordings read from the database per round trip.</summary>
    [Range(10, 10_000, ErrorMessage = "CallVault:Reconciliation:BatchSize must be between 10 and 10000.")]
    public int BatchSize { get; set; } = 1000;

    /// <summary>Findings of each kind kept with a run for history (the counts are always complete).</summary>
    [Range(0, 10_000, ErrorMessage = "CallVault:Reconciliation:MaxFindings must be between 0 and 10000.")]
    public int MaxFindings { get; set; } = 100;

    /// <summary>The schedule's period; null when off.</summary>
    public TimeSpan? Interval => IntervalSeconds is { } seconds
        ? TimeSpan.FromSeconds(seconds)
        : IntervalMinutes > 0 ? TimeSpan.FromMinutes(IntervalMinutes) : null;
}
