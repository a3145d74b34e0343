using CallVault.Core.Vapi;

namespace CallVault.Core.Tests.Vapi;

/// <summary>The recording URL is taken newest field first; stereo gives two channels.</summary>
public sealed class VapiServerMessageRecordingUrlTests
{
    [Theory]
    [InlineData("end-of-call-report-stereo.json", "https://storage.vapi.ai/0b6a6e8e-5c7a-4a8e-9d7b-1f2d3c4b5a69-1746108622951-stereo.wav", 2, "message.artifact.recording.stereoUrl")]
    [InlineData("end-of-call-report-mono-only.json", "https://storage.vapi.ai/7c1d5e2a-0f3b-4d6e-8a9b-c0d1e2f3a4b5-mono.wav", 1, "message.artifact.recording.mono.combinedUrl")]
    [InlineData("end-of-call-report-legacy-stereo.json", "https://storage.vapi.ai/c0ffee00-1111-4222-8333-444455556666-1725384670620-stereo.wav", 2, "message.artifact.stereoRecordingUrl")]
    [InlineData("end-of-call-report-legacy-artifact-recording-url.json", "https://storage.vapi.ai/5d3c2b1a-9e8f-4d7c-8b6a-5f4e3d2c1b0a-mono.wav", 1, "message.artifact.recordingUrl")]
    [InlineData("end-of-call-report-message-recording-url.json", "https://auth.vapi.ai/storage/v1/object/public/recordings/legacy-call-0001-1699999999999.wav", 1, "message.recordingUrl")]
    public void TryParse_Fixture_ChoosesNewestRecordingUrl(string fixture, string url, int channels, string field)
    {
        // Act
        var report = VapiFixtures.Report(fixture);

        // Assert
        Assert.NotNull(report.Recording);
        Assert.Equal(url, report.Recording.Url);
        Assert.Equal(channels, report.Recording.Channels);
        Assert.Equal(field, report.Recording.Field);
    }

    [Fact]
    public void TryParse_EmptyArtifact_HasNoRecordingButKeepsText()
    {
        // Act
        var report = VapiFixtures.Report("end-of-call-report-empty-artifact.json");

        // Assert
        Assert.Null(report.Recording);
        Assert.Equal("AI: We are open nine to five.\nUser: Thank you.", report.Transcript);
        Assert.Equal("Recording was disabled; the caller asked for opening hours.", report.Summary);
        Assert.Empty(report.Messages);
    }

    [Theory]
    [InlineData("""{"message":{"type":"end-of-call-report","call":{"id":"a"},"artifact":{"recording":{"stereoUrl":"","mono":{"combinedUrl":"https://storage.vapi.ai/m.wav"}}}}}""", "https://storage.vapi.ai/m.wav", 1)]
    [InlineData("""{"message":{"type":"end-of-call-report","call":{"id":"a"},"artifact":{"recording":{"stereoUrl":null},"recordingUrl":"https://storage.vapi.ai/r.wav"}}}""", "https://storage.vapi.ai/r.wav", 1)]
    [InlineData("""{"message":{"type":"end-of-call-report","call":{"id":"a"},"artifact":{"recording":"not an object","stereoRecordingUrl":"https://storage.vapi.ai/s.wav"}}}""", "https://storage.vapi.ai/s.wav", 2)]
    [InlineData("""{"message":{"type":"end-of-call-report","call":{"id":"a"},"artifact":[],"recordingUrl":"https://storage.vapi.ai/top.wav"}}""", "https://storage.vapi.ai/top.wav", 1)]
    public void TryParse_EmptyOrOddFields_FallsBackToNextUrl(string json, string url, int channels)
    {
        // Act
        var parsed = VapiServerMessage.TryParse(System.Text.Encoding.UTF8.GetBytes(json), out var message, out var error);

        // Assert
        Assert.True(parsed, error);
        Assert.Equal(url, message!.EndOfCallReport!.Recording!.Url);
        Assert.Equal(channels, message.EndOfCallReport.Recording.Channels);
    }
}
