using CallVault.Web.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace CallVault.Web.Tests.Transcripts;

/// <summary>An engine chosen explicitly but not usable stops start-up with one clear line naming the key.</summary>
public sealed class EngineConfigurationTests
{
    [Theory]
    [InlineData("CallVault:Transcription:Engine", "whisper-cpp", "CallVault:Transcription:WhisperCpp:Binary is required")]
    [InlineData("CallVault:Transcription:Engine", "openai", "CallVault:Transcription:OpenAI:BaseUrl is required")]
    [InlineData("CallVault:Transcription:Engine", "vosk", "CallVault:Transcription:Engine must be one of none, provider, whisper-cpp, openai")]
    [InlineData("CallVault:Summary:Engine", "openai", "CallVault:Summary:OpenAI:Model is required")]
    [InlineData("CallVault:Summary:Engine", "abstractive", "CallVault:Summary:Engine must be one of none, extractive, openai")]
    public async Task Start_EngineSelectedButNotConfigured_FailsNamingTheKey(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?> { [key] = value, ["CallVault:Summary:OpenAI:BaseUrl"] = "http://127.0.0.1:1/v1" };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () => await CallVaultTestHost.StartAsync(null, settings));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WhisperCppModelMissing_FailsNamingTheKeyAndThePath()
    {
        using var whisper = Infrastructure.Tests.TestSupport.WhisperStandIn.Create([(0, "x")]);
        var missing = Path.Combine(whisper.Directory, "ggml-absent.bin");
        var settings = new Dictionary<string, string?>
        {
            ["CallVault:Transcription:Engine"] = "whisper-cpp",
            ["CallVault:Transcription:WhisperCpp:Binary"] = whisper.Binary,
            ["CallVault:Transcription:WhisperCpp:Model"] = missing,
        };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () => await CallVaultTestHost.StartAsync(null, settings));

        Assert.Contains($"CallVault:Transcription:WhisperCpp:Model must name an existing file (a ggml model file); nothing was found at {missing}", error.Message, StringComparison.Ordinal);
    }
}
