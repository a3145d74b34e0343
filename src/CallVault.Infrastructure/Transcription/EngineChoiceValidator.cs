using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Transcription;

/// <summary>
/// Start-up check shared by features with a configured engine: an unknown engine, or <c>openai</c> without its
/// server, stops start-up with the key named. Each feature adds the checks of its own engines and settings.
/// </summary>
internal abstract class EngineChoiceValidator<TOptions>(string section, string[] engines) : IValidateOptions<TOptions>
    where TOptions : class, IEngineChoiceOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        List<string> failures = [];
        var engine = options.EngineName;
        if (!engines.Contains(engine))
        {
            failures.Add($"{section}:Engine must be one of {string.Join(", ", engines)} (was '{options.Engine}').");
        }
        else if (engine == TranscriptionEngines.OpenAi)
        {
            failures.AddRange(options.OpenAI.Problems($"{section}:OpenAI"));
        }
        else
        {
            AddEngineProblems(engine, options, failures);
        }

        AddSettingProblems(options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Problems with the settings of <paramref name="engine"/>, a known engine other than <c>openai</c>.</summary>
    protected virtual void AddEngineProblems(string engine, TOptions options, List<string> failures)
    {
    }

    /// <summary>Problems with settings that apply whatever the engine.</summary>
    protected virtual void AddSettingProblems(TOptions options, List<string> failures)
    {
    }
}
