using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Summaries;

/// <summary>An unknown engine, or <c>openai</c> without its server, stops start-up with the key named.</summary>
internal sealed class SummaryOptionsValidator : IValidateOptions<SummaryOptions>
{
    public ValidateOptionsResult Validate(string? name, SummaryOptions options)
    {
        List<string> failures = [];
        if (!SummaryEngines.All.Contains(options.EngineName))
        {
            failures.Add($"{SummaryOptions.Section}:Engine must be one of {string.Join(", ", SummaryEngines.All)} (was '{options.Engine}').");
        }
        else if (options.EngineName == SummaryEngines.OpenAi)
        {
            failures.AddRange(options.OpenAI.Problems($"{SummaryOptions.Section}:OpenAI"));
        }

        if (options.MaxTranscriptChars is < 1_000 or > 10_000_000)
        {
            failures.Add($"{SummaryOptions.Section}:MaxTranscriptChars must be between 1000 and 10000000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
