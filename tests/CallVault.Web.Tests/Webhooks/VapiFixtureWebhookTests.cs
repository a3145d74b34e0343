using System.Net;
using CallVault.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Web.Tests.Webhooks;

/// <summary>The stored real-shape reports (tests/CallVault.Core.Tests/TestData/Vapi) posted as they are.</summary>
public sealed class VapiFixtureWebhookTests
{
    private const string Mode = "secret-header";

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "Vapi", name));

    [Theory]
    [InlineData("end-of-call-report-stereo.json", "0b6a6e8e-5c7a-4a8e-9d7b-1f2d3c4b5a69", 2, "inbound", "+14155550123", "+18885550100")]
    [InlineData("end-of-call-report-mono-only.json", "7c1d5e2a-0f3b-4d6e-8a9b-c0d1e2f3a4b5", 1, "outbound-api", "+442071838750", "+447700900123")]
    [InlineData("end-of-call-report-legacy-stereo.json", "c0ffee00-1111-4222-8333-444455556666", 2, "webCall", null, null)]
    [InlineData("end-of-call-report-legacy-artifact-recording-url.json", "5d3c2b1a-9e8f-4d7c-8b6a-5f4e3d2c1b0a", 1, "inbound", "+14155550199", "+18885550100")]
    [InlineData("end-of-call-report-message-recording-url.json", "legacy-call-0001", 1, "inbound", null, null)]
    public async Task Fixture_Posted_RecordingAndCallWritten(string fixture, string callId, int channels, string direction, string? from, string? to)
    {
        // Arrange: Vapi's real hosts are not allowed here, so nothing leaves the machine.
        await using var host = await CallVaultTestHost.StartAsync(null, VapiRequests.Settings(Mode, "127.0.0.1:1"));

        // Act
        using var response = await host.Anonymous.SendAsync(VapiRequests.Create(host.BaseUrl, Fixture(fixture), Mode));

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var recording = await host.QueryAsync(db => db.Recordings.SingleAsync());
        Assert.Equal(callId, recording.ProviderRecordingId);
        Assert.Equal(channels, recording.ProviderChannels);
        Assert.StartsWith("https://", recording.MediaUrl, StringComparison.Ordinal);
        Assert.NotNull(recording.TranscriptText);
        var call = await host.QueryAsync(db => db.Calls.SingleAsync());
        Assert.Equal(recording.CallId, call.Id);
        Assert.Equal(direction, call.Direction);
        Assert.Equal(from, call.From);
        Assert.Equal(to, call.To);
        var raw = await host.QueryAsync(db => db.InboundEvents.SingleAsync());
        Assert.Equal(Fixture(fixture), raw.Body);
        await RecordingJson.WaitForStatusAsync(host.Api, callId, TimeSpan.FromSeconds(30), "failed");
    }

    [Fact]
    public async Task Fixture_EmptyArtifact_AbsentWithTranscriptAndSummary()
    {
        // Arrange
        await using var host = await CallVaultTestHost.StartAsync(null, VapiRequests.Settings(Mode));

        // Act
        using var response = await host.Anonymous.SendAsync(VapiRequests.Create(host.BaseUrl, Fixture("end-of-call-report-empty-artifact.json"), Mode));

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var recording = await host.QueryAsync(db => db.Recordings.SingleAsync());
        Assert.Equal(Core.Recordings.RecordingStatus.Absent, recording.Status);
        Assert.Equal("AI: We are open nine to five.\nUser: Thank you.", recording.TranscriptText);
        Assert.Equal("Recording was disabled; the caller asked for opening hours.", recording.SummaryText);
        Assert.Null(recording.MediaUrl);
        Assert.Equal(0, await host.QueryAsync(db => db.Jobs.CountAsync()));
    }
}
