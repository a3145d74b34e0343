using System.Text;
using CallVault.Core.Vapi;

namespace CallVault.Core.Tests.Vapi;

public sealed class VapiServerMessageTests
{
    [Fact]
    public void TryParse_StereoReport_ReadsCallNumbersTimesAndText()
    {
        // Act
        var report = VapiFixtures.Report("end-of-call-report-stereo.json");

        // Assert
        Assert.Equal("0b6a6e8e-5c7a-4a8e-9d7b-1f2d3c4b5a69", report.CallId);
        Assert.Equal("inboundPhoneCall", report.CallType);
        Assert.Equal("inbound", report.Direction);
        Assert.Equal("CA5f0a6e1d2c3b4a59687766554433221a", report.PhoneCallProviderId);
        Assert.Equal("+14155550123", report.From);
        Assert.Equal("+18885550100", report.To);
        Assert.Equal(new DateTime(2025, 5, 1, 14, 8, 21, 4, DateTimeKind.Utc), report.StartedAt);
        Assert.Equal(DateTimeKind.Utc, report.StartedAt!.Value.Kind);
        Assert.Equal(new DateTime(2025, 5, 1, 14, 10, 22, 506, DateTimeKind.Utc), report.EndedAt);
        Assert.Equal(121.502, report.DurationSeconds);
        Assert.Equal("customer-ended-call", report.EndedReason);
        Assert.StartsWith("AI: Hi, this is Acme Dental", report.Transcript, StringComparison.Ordinal);
        Assert.StartsWith("The customer called to move their appointment", report.Summary, StringComparison.Ordinal);
        Assert.Equal(4, report.Messages.Count);
        Assert.Equal(new VapiArtifactMessage("user", "I need to move my appointment to Friday.", 4.7), report.Messages[2]);
    }

    [Fact]
    public void TryParse_OutboundReport_SwapsFromAndTo()
    {
        // Act
        var report = VapiFixtures.Report("end-of-call-report-mono-only.json");

        // Assert
        Assert.Equal("outbound-api", report.Direction);
        Assert.Equal("+442071838750", report.From);
        Assert.Equal("+44 7700 900123", report.To);
        Assert.Equal(42, report.DurationSeconds);
        Assert.Equal("Delivery reminder acknowledged.", report.Summary);
    }

    [Fact]
    public void TryParse_PhoneNumberAsStringAndNoTranscript_BuildsTranscriptFromMessages()
    {
        // Act
        var report = VapiFixtures.Report("end-of-call-report-legacy-artifact-recording-url.json");

        // Assert
        Assert.Equal("+18885550100", report.To);
        Assert.Equal("(415) 555-0199", report.From);
        Assert.Equal("AI: Hello, are you there?\nUser: Yes, sorry.", report.Transcript);
        Assert.Null(report.Summary);
        Assert.Null(report.StartedAt);
        Assert.Null(report.DurationSeconds);
        Assert.Equal(3, report.Messages.Count);
        Assert.Equal(new VapiArtifactMessage("tool_calls", null, null), report.Messages[2]);
    }

    [Fact]
    public void TryParse_WebCall_KeepsTheTypeAsDirection()
    {
        // Act
        var report = VapiFixtures.Report("end-of-call-report-legacy-stereo.json");

        // Assert
        Assert.Equal("webCall", report.Direction);
        Assert.Null(report.PhoneCallProviderId);
        Assert.Null(report.From);
        Assert.Equal(65.5, report.DurationSeconds!.Value, 3);
    }

    [Fact]
    public void TryParse_OtherMessageType_IsKnownByNameOnly()
    {
        // Act
        var parsed = VapiServerMessage.TryParse(VapiFixtures.Read("status-update.json"), out var message, out var error);

        // Assert
        Assert.True(parsed, error);
        Assert.Equal("status-update", message!.Type);
        Assert.Null(message.EndOfCallReport);
    }

    [Fact]
    public void TryParse_ReportWithoutCallId_Fails()
    {
        // Act
        var parsed = VapiServerMessage.TryParse(VapiFixtures.Read("end-of-call-report-no-call-id.json"), out var message, out var error);

        // Assert
        Assert.False(parsed);
        Assert.Null(message);
        Assert.Equal("message.call.id is missing", error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"message\": {\"type\": \"end-of-call-report\"")]
    [InlineData("[]")]
    [InlineData("{\"msg\": {}}")]
    [InlineData("{\"message\": \"end-of-call-report\"}")]
    [InlineData("{\"message\": {\"type\": \"end-of-call-report\", \"call\": {\"id\": 42}}}")]
    [InlineData("{\"message\": {\"type\": \"end-of-call-report\", \"call\": {\"id\": \"a\\u0000b\"}}}")]
    public void TryParse_Malformed_FailsWithReason(string json)
    {
        // Act
        var parsed = VapiServerMessage.TryParse(Encoding.UTF8.GetBytes(json), out var message, out var error);

        // Assert
        Assert.False(parsed);
        Assert.Null(message);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void TryParse_NoTypeAtAll_IsAnUnknownMessage()
    {
        // Act
        var parsed = VapiServerMessage.TryParse("""{"message":{"call":{"id":"x"}}}"""u8.ToArray(), out var message, out _);

        // Assert
        Assert.True(parsed);
        Assert.Null(message!.Type);
        Assert.Null(message.EndOfCallReport);
    }
}
