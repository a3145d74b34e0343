namespace CallVault.Web.Webhooks;

/// <summary><c>POST /webhooks/twilio/voice</c>: who an incoming call is connected to.</summary>
public sealed class VoiceOptions
{
    public const string Section = "CallVault:Voice";

    /// <summary><c>client:NAME</c>, <c>sip:USER@HOST</c> or an E.164 number; unset, the voice webhook answers 503.</summary>
    public string? DialTarget { get; set; }
}
