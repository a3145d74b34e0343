using System.Text;
using CallVault.Infrastructure.Transcription;

namespace CallVault.Infrastructure.Tests.Transcription;

public sealed class WhisperCppOutputParserTests
{
    [Fact]
    public void TryParse_WhisperCppJsonOutput_GivesTimedSegmentsWithoutNoSpeechMarkers()
    {
        var json = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "Transcription", "whisper-cpp-jfk.json"));

        Assert.True(WhisperCppOutputParser.TryParse(json, out var segments, out var error), error);

        Assert.Equal(
            [(0.0, 7.6, "And so my fellow Americans, ask not what your country can do for you,"), (8.0, 11.0, "ask what you can do for your country.")],
            segments.Select(s => (s.Start, s.End, s.Text)));
        Assert.All(segments, s => Assert.Null(s.Speaker));
    }

    [Fact]
    public void TryParse_CharacterSplitBetweenTokens_KeepsTheRestOfTheTranscript()
    {
        // whisper.cpp can write half of a multi-byte character at a segment's end.
        byte[] bytes = [.. Encoding.UTF8.GetBytes("{\"transcription\":[{\"offsets\":{\"from\":0,\"to\":900},\"text\":\" caf"), 0xC3, .. Encoding.UTF8.GetBytes("\"}]}")];

        Assert.True(WhisperCppOutputParser.TryParse(bytes, out var segments, out var error), error);

        Assert.Equal("caf\uFFFD", Assert.Single(segments).Text);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"result":{}}""")]
    [InlineData("""{"transcription":[{"text":"no offsets"}]}""")]
    public void TryParse_NotWhisperOutput_FailsWithAReason(string text)
    {
        Assert.False(WhisperCppOutputParser.TryParse(Encoding.UTF8.GetBytes(text), out _, out var error));
        Assert.Contains("whisper.cpp", error, StringComparison.Ordinal);
    }
}
