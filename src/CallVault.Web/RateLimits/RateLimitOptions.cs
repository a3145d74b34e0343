using System.ComponentModel.DataAnnotations;

namespace CallVault.Web.RateLimits;

/// <summary>
/// Request limits. The defaults are generous: a script polling hard or a provider delivering a
/// burst is never slowed; a runaway client or a guessing attack is.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "CallVault:RateLimits";

    /// <summary>API requests per second per API key or user (anonymous callers: per address).</summary>
    [Range(1, 1_000_000, ErrorMessage = "CallVault:RateLimits:ApiPerSecond must be between 1 and 1000000.")]
    public int ApiPerSecond { get; set; } = 200;

    /// <summary>Requests an API client may send at once before the per-second rate applies.</summary>
    [Range(1, 1_000_000, ErrorMessage = "CallVault:RateLimits:ApiBurst must be between 1 and 1000000.")]
    public int ApiBurst { get; set; } = 2000;

    /// <summary>Sign-in attempts per minute from one address (right or wrong).</summary>
    [Range(1, 100_000, ErrorMessage = "CallVault:RateLimits:SignInPerMinute must be between 1 and 100000.")]
    public int SignInPerMinute { get; set; } = 20;

    /// <summary>Webhook requests per second, all providers together; above it requests wait in a queue first.</summary>
    [Range(1, 10_000_000, ErrorMessage = "CallVault:RateLimits:WebhooksPerSecond must be between 1 and 10000000.")]
    public int WebhooksPerSecond { get; set; } = 20_000;

    /// <summary>Webhook requests that may wait for a permit before one is turned away with 503.</summary>
    [Range(0, 1_000_000, ErrorMessage = "CallVault:RateLimits:WebhookQueue must be between 0 and 1000000.")]
    public int WebhookQueue { get; set; } = 20_000;
}
