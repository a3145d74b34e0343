using System.ComponentModel.DataAnnotations;

namespace CallVault.Web.Auth;

public sealed class AuthOptions
{
    public const string Section = "CallVault:Auth";

    /// <summary>Bootstrap admin API key; works beside the keys issued with <c>callvault keys create</c>.</summary>
    [MinLength(32, ErrorMessage = "CallVault:Auth:AdminApiKey must be at least 32 characters.")]
    public string? AdminApiKey { get; set; }

    /// <summary>A dashboard session ends after this long without a request.</summary>
    [Range(1, 60 * 24 * 30, ErrorMessage = "CallVault:Auth:SessionMinutes must be between 1 and 43200.")]
    public int SessionMinutes { get; set; } = 8 * 60;

    /// <summary>Wrong passwords in a row before the account is locked.</summary>
    [Range(1, 100, ErrorMessage = "CallVault:Auth:MaxFailedSignIns must be between 1 and 100.")]
    public int MaxFailedSignIns { get; set; } = 5;

    [Range(1, 24 * 60, ErrorMessage = "CallVault:Auth:LockoutMinutes must be between 1 and 1440.")]
    public int LockoutMinutes { get; set; } = 15;
}
