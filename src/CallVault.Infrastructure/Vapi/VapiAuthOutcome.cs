namespace CallVault.Infrastructure.Vapi;

/// <summary>What checking a Vapi server message's credentials found.</summary>
public enum VapiAuthOutcome
{
    Accepted,

    /// <summary>No mode or secret is configured: 503, the sender is not at fault.</summary>
    NotConfigured,

    /// <summary>The credential header is absent: 401.</summary>
    Missing,

    /// <summary>The HMAC timestamp is unreadable or outside the window (a replay): 401.</summary>
    Stale,

    /// <summary>A credential was sent and does not match: 403.</summary>
    Wrong,
}
