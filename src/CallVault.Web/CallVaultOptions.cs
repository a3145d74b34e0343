namespace CallVault.Web;

/// <summary>Options that belong to the service as a whole rather than one feature.</summary>
public sealed class CallVaultOptions
{
    public const string Section = "CallVault";

    /// <summary>The URL the provider calls, when a proxy sits in front (signatures cover the URL the provider used).</summary>
    public Uri? PublicBaseUrl { get; set; }
}
