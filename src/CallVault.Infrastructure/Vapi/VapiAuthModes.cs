namespace CallVault.Infrastructure.Vapi;

/// <summary>The values of <c>CallVault:Vapi:AuthMode</c>: how Vapi server messages prove where they come from.</summary>
public static class VapiAuthModes
{
    /// <summary>A bearer token in a header (default <c>Authorization: Bearer …</c>).</summary>
    public const string Bearer = "bearer";

    /// <summary>Hex HMAC-SHA256 over <c>{timestamp}.{body}</c> with a timestamp window.</summary>
    public const string Hmac = "hmac";

    /// <summary>The secret itself in a header (default the older <c>x-vapi-secret</c>).</summary>
    public const string SecretHeader = "secret-header";
}
