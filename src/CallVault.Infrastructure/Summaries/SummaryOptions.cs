using CallVault.Infrastructure.Transcription;

namespace CallVault.Infrastructure.Summaries;

/// <summary><c>CallVault:Summary</c>: which engine writes summaries, and its settings.</summary>
public sealed class SummaryOptions : IEngineChoiceOptions
{
    public const string Section = "CallVault:Summary";

    /// <summary><c>none</c>, <c>extractive</c> or <c>openai</c>; unset means <c>extractive</c>.</summary>
    public string? Engine { get; set; }

    public OpenAiServerOptions OpenAI { get; set; } = new() { TimeoutSeconds = 120 };

    /// <summary>Longest transcript sent to a chat model; the rest is cut (with a note in the prompt).</summary>
    public int MaxTranscriptChars { get; set; } = 100_000;

    public string EngineName => string.IsNullOrWhiteSpace(Engine) ? SummaryEngines.Extractive : Engine.Trim().ToLowerInvariant();
}
