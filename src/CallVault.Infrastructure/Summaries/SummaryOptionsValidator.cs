using CallVault.Infrastructure.Transcription;

namespace CallVault.Infrastructure.Summaries;

/// <summary>An unknown engine, <c>openai</c> without its server, or a transcript cut out of range stops start-up with the key named.</summary>
internal sealed class SummaryOptionsValidator() : EngineChoiceValidator<SummaryOptions>(SummaryOptions.Section, SummaryEngines.All)
{
    protected override void AddSettingProblems(SummaryOptions options, List<string> failures)
    {
        if (options.MaxTranscriptChars is < 1_000 or > 10_000_000)
        {
            failures.Add($"{SummaryOptions.Section}:MaxTranscriptChars must be between 1000 and 10000000.");
        }
    }
}
