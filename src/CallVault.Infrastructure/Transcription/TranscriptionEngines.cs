namespace CallVault.Infrastructure.Transcription;

/// <summary>The values of <c>CallVault:Transcription:Engine</c>, also stored as a transcript's <c>engine</c>.</summary>
public static class TranscriptionEngines
{
    public const string None = "none";
    public const string Provider = "provider";
    public const string WhisperCpp = "whisper-cpp";
    public const string OpenAi = "openai";

    public static readonly string[] All = [None, Provider, WhisperCpp, OpenAi];
}
