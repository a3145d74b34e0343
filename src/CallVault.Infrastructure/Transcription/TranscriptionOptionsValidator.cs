namespace CallVault.Infrastructure.Transcription;

/// <summary>An engine chosen explicitly must be usable: its settings are checked at start-up, each problem naming its key.</summary>
internal sealed class TranscriptionOptionsValidator() : EngineChoiceValidator<TranscriptionOptions>(TranscriptionOptions.Section, TranscriptionEngines.All)
{
    protected override void AddEngineProblems(string engine, TranscriptionOptions options, List<string> failures)
    {
        if (engine != TranscriptionEngines.WhisperCpp)
        {
            return;
        }

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
