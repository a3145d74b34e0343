namespace CallVault.Infrastructure.Transcription;

/// <summary>Options of a feature whose engine is chosen by the <c>Engine</c> key of its section.</summary>
internal interface IEngineChoiceOptions
{
    /// <summary>As configured (null when unset).</summary>
    string? Engine { get; }

    /// <summary>The engine in use, lower case (the feature's default when unset).</summary>
    string EngineName { get; }

    /// <summary>The server used when the engine is <c>openai</c>.</summary>
    OpenAiServerOptions OpenAI { get; }
}
