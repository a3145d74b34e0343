namespace CallVault.Infrastructure.Http;

/// <summary>Rules for every connection CallVault opens to a provider.</summary>
public sealed class OutboundOptions
{
    public const string Section = "CallVault:Outbound";

    /// <summary>
    /// Loopback, private, link-local and other non-public addresses are refused unless this is
    /// true (a provider simulator on 127.0.0.1 in tests and <c>serve --demo</c>, a lab network).
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }
}
