namespace CallVault.Web.Tests.Transcripts;

/// <summary>
/// A test that needs a real whisper.cpp program and model, named by <c>CALLVAULT_TEST_WHISPER_BINARY</c>
/// and <c>CALLVAULT_TEST_WHISPER_MODEL</c> (see the README); skipped, with that reason shown, when they are not set.
/// </summary>
public sealed class RealWhisperCppFactAttribute : FactAttribute
{
    public const string BinaryVariable = "CALLVAULT_TEST_WHISPER_BINARY";
    public const string ModelVariable = "CALLVAULT_TEST_WHISPER_MODEL";

    public RealWhisperCppFactAttribute()
    {
        if (string.IsNullOrEmpty(Binary) || string.IsNullOrEmpty(Model))
        {
            Skip = $"opt-in: set {BinaryVariable} (whisper-cli) and {ModelVariable} (a ggml model, e.g. ggml-base.en.bin) to run with a real whisper.cpp";
        }
    }

    public static string? Binary => Environment.GetEnvironmentVariable(BinaryVariable);

    public static string? Model => Environment.GetEnvironmentVariable(ModelVariable);
}
