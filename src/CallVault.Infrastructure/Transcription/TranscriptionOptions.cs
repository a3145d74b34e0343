namespace CallVault.Infrastructure.Transcription;

/// <summary><c>CallVault:Transcription</c>: which engine writes transcripts, and its settings.</summary>
public sealed class TranscriptionOptions : IEngineChoiceOptions
{
    public const string Section = "CallVault:Transcription";

    /// <summary><c>none</c>, <c>provider</c>, <c>whisper-cpp</c> or <c>openai</c>; unset means <c>provider</c>.</summary>
    public string? Engine { get; set; }

    public OpenAiServerOptions OpenAI { get; set; } = new();

    public WhisperCppOptions WhisperCpp { get; set; } = new();

    /// <summary>The engine in use, lower case.</summary>
    public string EngineName => string.IsNullOrWhiteSpace(Engine) ? TranscriptionEngines.Provider : Engine.Trim().ToLowerInvariant();
}
