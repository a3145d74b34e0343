namespace CallVault.Infrastructure.Http;

/// <summary>A provider host resolved only to addresses CallVault may not connect to.</summary>
public sealed class OutboundAddressRefusedException(string host)
    : Exception($"'{host}' resolves only to private or local addresses (set CallVault:Outbound:AllowPrivateAddresses to allow them)");
