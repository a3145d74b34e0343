namespace CallVault.Web.Auth;

internal static class ApiKeyClaims
{
    /// <summary>The key's public prefix (or <c>bootstrap</c>): names the key for rate limits without its secret.</summary>
    public const string KeyId = "callvault:key-id";
}
