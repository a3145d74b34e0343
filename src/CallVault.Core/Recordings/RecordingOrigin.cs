namespace CallVault.Core.Recordings;

/// <summary>Where a recording's audio comes from; picks the media source of the download stage.</summary>
public static class RecordingOrigin
{
    public const string Twilio = "twilio";
    public const string Vapi = "vapi";

    /// <summary>Uploaded through the API; the bytes wait in the upload staging folder.</summary>
    public const string Upload = "upload";
}
