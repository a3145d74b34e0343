using System.ComponentModel.DataAnnotations;

namespace CallVault.Infrastructure.Alerts;

/// <summary>Alert rules and where alerts go (<c>CallVault:Alerts</c>). Rates are fractions: 0.01 is 1 %.</summary>
public sealed class AlertOptions
{
    public const string Section = "CallVault:Alerts";

    public bool Enabled { get; set; } = true;

    /// <summary>Where raise and resolve messages are POSTed as JSON with a Slack-compatible <c>text</c> field; none: kept and shown only.</summary>
    public Uri? WebhookUrl { get; set; }

    [Range(1, 3600, ErrorMessage = "CallVault:Alerts:IntervalSeconds must be between 1 and 3600.")]
    public int IntervalSeconds { get; set; } = 60;

    /// <summary>The window rates and counts are taken over (store failures, retries exhausted, signature failures).</summary>
    [Range(1, 86_400, ErrorMessage = "CallVault:Alerts:WindowSeconds must be between 1 and 86400.")]
    public int WindowSeconds { get; set; } = 900;

    [Range(0.0, 1.0, ErrorMessage = "CallVault:Alerts:StoreFailureRate must be between 0 and 1.")]
    public double StoreFailureRate { get; set; } = 0.01;

    /// <summary>Fewer store attempts than this in the window say nothing about a rate.</summary>
    [Range(1, 1_000_000, ErrorMessage = "CallVault:Alerts:StoreMinAttempts must be between 1 and 1000000.")]
    public int StoreMinAttempts { get; set; } = 20;

    /// <summary>Jobs that gave up (dead) within the window that raise the alert.</summary>
    [Range(1, 1_000_000, ErrorMessage = "CallVault:Alerts:RetriesExhausted must be between 1 and 1000000.")]
    public int RetriesExhausted { get; set; } = 1;

    /// <summary>Orphaned objects in the latest completed reconciliation that raise the alert.</summary>
    [Range(1, 1_000_000, ErrorMessage = "CallVault:Alerts:OrphansFound must be between 1 and 1000000.")]
    public int OrphansFound { get; set; } = 1;

    /// <summary>Share of answered calls of one direction that ended without a recording.</summary>
    [Range(0.0, 1.0, ErrorMessage = "CallVault:Alerts:CallsWithoutRecordingRate must be between 0 and 1.")]
    public double CallsWithoutRecordingRate { get; set; } = 0.05;

    [Range(1, 1_000_000, ErrorMessage = "CallVault:Alerts:CallsWithoutRecordingMinCalls must be between 1 and 1000000.")]
    public int CallsWithoutRecordingMinCalls { get; set; } = 10;

    /// <summary>Calls that ended within this window (and longer ago than the recording grace) are counted.</summary>
    [Range(60, 2_592_000, ErrorMessage = "CallVault:Alerts:CallsWindowSeconds must be between 60 and 2592000.")]
    public int CallsWindowSeconds { get; set; } = 86_400;

    /// <summary>Webhook signature (or credential) failures within the window that raise the alert.</summary>
    [Range(1, 1_000_000, ErrorMessage = "CallVault:Alerts:SignatureFailures must be between 1 and 1000000.")]
    public int SignatureFailures { get; set; } = 20;

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);

    /// <summary>The webhook, or null when none is set (an empty variable, as compose passes an unset one, counts as none).</summary>
    public Uri? Destination => WebhookUrl is { OriginalString.Length: > 0 } url ? url : null;
}
