using CallVault.Infrastructure.Transcription;

namespace CallVault.Infrastructure.Summaries;

/// <summary>The values of <c>CallVault:Summary:Engine</c>, also stored as a summary's <c>engine</c>.</summary>
public static class SummaryEngines
{
    public const string None = "none";
    public const string Extractive = "extractive";
    /// <summary>A server speaking the OpenAI API, named as for transcription (checked by the shared engine validator).</summary>
    public const string OpenAi = TranscriptionEngines.OpenAi;

    public static readonly string[] All = [None, Extractive, OpenAi];
}
