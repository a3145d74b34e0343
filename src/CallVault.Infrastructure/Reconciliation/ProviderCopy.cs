namespace CallVault.Infrastructure.Reconciliation;

/// <summary>Whether the provider still has a recording's audio.</summary>
internal enum ProviderCopy
{
    /// <summary>The provider answered and has it.</summary>
    Exists,

    /// <summary>The provider answered that it does not (404): nothing can fetch it again.</summary>
    Gone,

    /// <summary>No clear answer (not configured, unreachable, 429/5xx, refused): change nothing.</summary>
    Unknown,
}
