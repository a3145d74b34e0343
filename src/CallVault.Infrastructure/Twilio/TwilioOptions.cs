using System.ComponentModel.DataAnnotations;

namespace CallVault.Infrastructure.Twilio;

public sealed class TwilioOptions
{
    public const string Section = "CallVault:Twilio";

    public string? AccountSid { get; set; }

    public string? AuthToken { get; set; }

    [Required]
    public Uri ApiBaseUrl { get; set; } = new("https://api.twilio.com");

    [RegularExpression("^(wav|mp3)$", ErrorMessage = "CallVault:Twilio:MediaFormat must be 'wav' or 'mp3'.")]
    public string MediaFormat { get; set; } = "wav";

    /// <summary>Hosts a media request may be redirected to, besides the API host (exact names).</summary>
    public List<string> AllowedMediaRedirectHosts { get; set; } = [];

    /// <summary>Downloads larger than this are refused (a 4-hour stereo WAV is about 460 MB).</summary>
    [Range(1024, long.MaxValue, ErrorMessage = "CallVault:Twilio:MaxMediaBytes must be at least 1024.")]
    public long MaxMediaBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    /// <summary>A download that receives nothing for this long is abandoned and retried.</summary>
    [Range(1, 3600, ErrorMessage = "CallVault:Twilio:StallTimeoutSeconds must be between 1 and 3600.")]
    public int StallTimeoutSeconds { get; set; } = 60;

    /// <summary>Delete Twilio's copy once CallVault's stored copy has been re-read and its SHA-256 verified.</summary>
    public bool DeleteAfterVerifiedCopy { get; set; }

    public bool IsConfigured => !string.IsNullOrEmpty(AccountSid) && !string.IsNullOrEmpty(AuthToken);
}
