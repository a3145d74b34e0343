using System.ComponentModel.DataAnnotations;

namespace CallVault.Infrastructure.Vapi;

/// <summary><c>CallVault:Vapi</c>: how Vapi server messages are authenticated and where their audio may be fetched from.</summary>
public sealed class VapiOptions
{
    public const string Section = "CallVault:Vapi";

    /// <summary>Vapi's own recording storage; used when <see cref="AllowedMediaHosts"/> is empty.</summary>
    public static readonly IReadOnlyList<string> DefaultMediaHosts = ["storage.vapi.ai"];

    /// <summary><c>bearer</c>, <c>hmac</c> or <c>secret-header</c>; unset means Vapi is not configured (503).</summary>
    [RegularExpression("^(bearer|hmac|secret-header)$", ErrorMessage = "CallVault:Vapi:AuthMode must be 'bearer', 'hmac' or 'secret-header'.")]
    public string? AuthMode { get; set; }

    /// <summary>The bearer token, the HMAC key or the header secret, as configured on the Vapi credential.</summary>
    public string? Secret { get; set; }

    /// <summary>Header of the bearer token or the secret; default <c>Authorization</c> (bearer) or <c>x-vapi-secret</c> (secret-header).</summary>
    public string? HeaderName { get; set; }

    [Required(ErrorMessage = "CallVault:Vapi:SignatureHeader is required.")]
    [MinLength(1, ErrorMessage = "CallVault:Vapi:SignatureHeader is required.")]
    public string SignatureHeader { get; set; } = "x-signature";

    [Required(ErrorMessage = "CallVault:Vapi:TimestampHeader is required.")]
    [MinLength(1, ErrorMessage = "CallVault:Vapi:TimestampHeader is required.")]
    public string TimestampHeader { get; set; } = "x-timestamp";

    /// <summary>How far an HMAC timestamp may be from now, either side, before the message counts as a replay.</summary>
    [Range(1, 86_400, ErrorMessage = "CallVault:Vapi:TimestampToleranceSeconds must be between 1 and 86400.")]
    public int TimestampToleranceSeconds { get; set; } = 300;

    /// <summary>
    /// Exact <c>host</c> or <c>host:port</c> entries a recording URL (and every redirect) may point at;
    /// https only, except loopback hosts listed with their port (tests). When set, it replaces
    /// <see cref="DefaultMediaHosts"/>; a private (HIPAA) bucket's signed-URL host must be added here.
    /// </summary>
    public List<string> AllowedMediaHosts { get; set; } = [];

    [Range(1024, 8 * 1024 * 1024, ErrorMessage = "CallVault:Vapi:MaxBodyBytes must be between 1024 and 8388608.")]
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Recordings larger than this are refused.</summary>
    [Range(1024, long.MaxValue, ErrorMessage = "CallVault:Vapi:MaxMediaBytes must be at least 1024.")]
    public long MaxMediaBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    /// <summary>A download that receives nothing for this long is abandoned and retried.</summary>
    [Range(1, 3600, ErrorMessage = "CallVault:Vapi:StallTimeoutSeconds must be between 1 and 3600.")]
    public int StallTimeoutSeconds { get; set; } = 60;

    public bool IsConfigured => !string.IsNullOrEmpty(AuthMode) && !string.IsNullOrEmpty(Secret);

    public IReadOnlyList<string> EffectiveMediaHosts => AllowedMediaHosts.Count > 0 ? AllowedMediaHosts : DefaultMediaHosts;

    public string EffectiveHeaderName => !string.IsNullOrWhiteSpace(HeaderName)
        ? HeaderName
        : AuthMode == VapiAuthModes.SecretHeader ? "x-vapi-secret" : "Authorization";
}
