using System.ComponentModel.DataAnnotations;

namespace CallVault.Web.Auth;

public sealed class AuthOptions
{
    public const string Section = "CallVault:Auth";

    /// <summary>Bootstrap admin API key; the API refuses every request while it is unset.</summary>
    [MinLength(32, ErrorMessage = "CallVault:Auth:AdminApiKey must be at least 32 characters.")]
    public string? AdminApiKey { get; set; }
}
