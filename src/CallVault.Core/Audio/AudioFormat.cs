namespace CallVault.Core.Audio;

/// <summary>The container/codec family of a recording file, detected from its bytes.</summary>
public enum AudioFormat
{
    Wav,
    Mp3,
}
