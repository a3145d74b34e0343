namespace CallVault.Infrastructure.Media;

/// <summary>What stored audio is transcoded to; the name in lower case is the stored format and extension.</summary>
internal enum TranscodeTarget
{
    None,
    Opus,
    Mp3,
}
