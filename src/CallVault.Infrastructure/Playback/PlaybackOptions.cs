using System.ComponentModel.DataAnnotations;

namespace CallVault.Infrastructure.Playback;

public sealed class PlaybackOptions
{
    public const string Section = "CallVault:Playback";

    /// <summary>Lifetime of a playback URL; a page asks for a fresh one before it runs out.</summary>
    [Range(10, 7 * 24 * 3600, ErrorMessage = "CallVault:Playback:UrlTtlSeconds must be between 10 and 604800.")]
    public int UrlTtlSeconds { get; set; } = 3600;

    /// <summary>
    /// <c>signed-route</c>: CallVault serves the audio on a route carrying an HMAC-signed token, and
    /// writes every fetch to the audit trail (works for every store, and for buckets browsers
    /// cannot reach). <c>presigned</c>: the store's own presigned URL where it has one (S3); the
    /// audit trail then records the minting only, since fetches bypass CallVault.
    /// </summary>
    [RegularExpression("^(signed-route|presigned)$", ErrorMessage = "CallVault:Playback:Mode must be 'signed-route' or 'presigned'.")]
    public string Mode { get; set; } = "signed-route";
}
