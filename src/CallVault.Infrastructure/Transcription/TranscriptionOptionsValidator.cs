using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Transcription;

/// <summary>An engine chosen explicitly must be usable: its settings are checked at start-up, each problem naming its key.</summary>
internal sealed class TranscriptionOptionsValidator : IValidateOptions<TranscriptionOptions>
{
    public ValidateOptionsResult Validate(string? name, TranscriptionOptions options)
    {
        List<string> failures = [];
        var engine = options.EngineName;
        if (!TranscriptionEngines.All.Contains(engine))
        {
            failures.Add($"{TranscriptionOptions.Section}:Engine must be one of {string.Join(", ", TranscriptionEngines.All)} (was '{options.Engine}').");
        }
        else if (engine == TranscriptionEngines.OpenAi)
        {
            failures.AddRange(options.OpenAI.Problems($"{TranscriptionOptions.Section}:OpenAI"));
        }
        else if (engine == TranscriptionEngines.WhisperCpp)
        {
            var section = $"{TranscriptionOptions.Section}:WhisperCpp";
            CheckFile(options.WhisperCpp.Binary, $"{section}:Binary", "the whisper.cpp program (whisper-cli)", failures);
            CheckFile(options.WhisperCpp.Model, $"{section}:Model", "a ggml model file", failures);
            if (options.WhisperCpp.TimeoutSeconds is < 1 or > 86_400)
            {
                failures.Add($"{section}:TimeoutSeconds must be between 1 and 86400.");
            }

            if (options.WhisperCpp.Threads is < 1 or > 256)
            {
                failures.Add($"{section}:Threads must be between 1 and 256.");
            }

            if (string.IsNullOrWhiteSpace(options.WhisperCpp.Language) || !options.WhisperCpp.Language.All(char.IsAsciiLetter))
            {
                failures.Add($"{section}:Language must be a language code such as en, or auto.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckFile(string? path, string key, string what, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            failures.Add($"{key} is required: {what}.");
        }
        else if (path.IndexOfAny(Path.GetInvalidPathChars()) >= 0 || !File.Exists(Path.GetFullPath(path)))
        {
            failures.Add($"{key} must name an existing file ({what}); nothing was found at {path}.");
        }
    }
}
