using System.Net;
using System.Text.Json;
using CallVault.Core.Jobs;
using CallVault.Core.Recordings;
using CallVault.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Web.Tests.Webhooks;

/// <summary>From a Vapi report to stored audio: the allow-list, redirects, retries and reports without audio.</summary>
public sealed class VapiRecordingTests
{
    private const string Mode = "hmac";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static async Task SendAsync(CallVaultTestHost host, string json)
    {
        using var response = await host.Anonymous.SendAsync(VapiRequests.Create(host.BaseUrl, json, Mode));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task EndOfCallReport_StereoUrlOnAllowedHost_StoredWithExactSha256()
    {
        // Arrange
        await using var media = await WavFileServer.StartAsync(channels: 2);
        await using var host = await CallVaultTestHost.StartAsync(null, VapiRequests.Settings(Mode, media.HostPort));

        // Act
        await SendAsync(host, VapiRequests.Report("call-stereo", stereoUrl: media.Url("/call-stereo-stereo.wav"), monoUrl: media.Url("/call-stereo-mono.wav")));

        // Assert
        var recording = await RecordingJson.WaitForStatusAsync(host.Api, "call-stereo", Timeout, "stored", "failed");
        Assert.Equal("stored", recording.Status());
        Assert.Equal(media.Sha256, recording.GetProperty("sha256").GetString());
        Assert.Equal(media.Wav.Length, recording.GetProperty("sizeBytes").GetInt64());
        Assert.Equal(2, recording.GetProperty("channels").GetInt32());
        Assert.Equal(1, media.Requests);
        var row = await host.QueryAsync(db => db.Recordings.SingleAsync());
        Assert.Equal(RecordingOrigin.Vapi, row.Origin);
        Assert.Equal(2, row.ProviderChannels);
        Assert.Equal("provider", row.TranscriptEngine);
        Assert.Equal("AI: Thanks for calling Acme.\nUser: I'd like to book a table.", row.TranscriptText);
        Assert.Equal("provider", row.SummaryEngine);
        Assert.Equal("The caller booked a table.", row.SummaryText);
        Assert.Single(host.StoredFiles());
    }

    [Fact]
    public async Task EndOfCallReport_MediaHostFailsTwiceThenServes_Stored()
    {
        // Arrange
        await using var media = await WavFileServer.StartAsync(channels: 1);
        media.FailNext(2);
        await using var host = await CallVaultTestHost.StartAsync(null, VapiRequests.Settings(Mode, media.HostPort));

        // Act
        await SendAsync(host, VapiRequests.Report("call-flaky", monoUrl: media.Url("/call-flaky-mono.wav")));

        // Assert
        var recording = await RecordingJson.WaitForStatusAsync(host.Api, "call-flaky", Timeout, "stored", "failed");
        Assert.Equal("stored", recording.Status());
        Assert.Equal(media.Sha256, recording.GetProperty("sha256").GetString());
        Assert.Equal(1, recording.GetProperty("channels").GetInt32());
        Assert.Equal(3, media.Requests);
    }

    [Fact]
    public async Task EndOfCallReport_UrlOnHostNotAllowed_FailsWithReasonAndNoRequestIsMade()
    {
        // Arrange: the host serves audio, but only another port is allowed.
        await using var media = await WavFileServer.StartAsync();
        await using var host = await CallVaultTestHost.StartAsync(null, VapiRequests.Settings(Mode, "127.0.0.1:1"));

        // Act
        await SendAsync(host, VapiRequests.Report("call-ssrf", stereoUrl: media.Url("/internal/secret.wav")));

        // Assert
        var recording = await RecordingJson.WaitForStatusAsync(host.Api, "call-ssrf", Timeout, "failed", "stored");
        Assert.Equal("failed", recording.Status());
        Assert.Contains("AllowedMediaHosts", recording.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal("failed", recording.GetProperty("stages").GetProperty("download").GetProperty("status").GetString());
        Assert.Equal(0, media.Requests);
        Assert.Empty(host.StoredFiles());
    }

    [Fact]
    public async Task EndOfCallReport_RedirectToHostNotAllowed_FailsAndTheOtherHostSeesNoRequest()
    {
        // Arrange
        await using var allowed = await WavFileServer.StartAsync();
        await using var elsewhere = await WavFileServer.StartAsync();
        allowed.RedirectTo = elsewhere.Url("/metadata.wav");
        await using var host = await CallVaultTestHost.StartAsync(null, VapiRequests.Settings(Mode, allowed.HostPort));

        // Act
        await SendAsync(host, VapiRequests.Report("call-redirect", stereoUrl: allowed.Url("/redirect")));

        // Assert
        var recording = await RecordingJson.WaitForStatusAsync(host.Api, "call-redirect", Timeout, "failed", "stored");
        Assert.Equal("failed", recording.Status());
        Assert.Contains("redirect", recording.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, allowed.Requests);
        Assert.Equal(0, elsewhere.Requests);
    }

    [Fact]
    public async Task EndOfCallReport_EmptyArtifact_AbsentWithTextKeptAndNoJob()
    {
        // Arrange
        await using var host = await CallVaultTestHost.StartAsync(null, VapiRequests.Settings(Mode));
        var json = """
            {"message":{"type":"end-of-call-report","call":{"id":"call-empty","type":"inboundPhoneCall"},
              "customer":{"number":"+14155550123"},"artifact":{},
              "transcript":"AI: Recording is off today.\nUser: Fine.","analysis":{"summary":"Nothing recorded."}}}
            """;

        // Act
        await SendAsync(host, json);

        // Assert
        var recording = (await RecordingJson.FindByProviderIdAsync(host.Api, "call-empty"))!.Value;
        Assert.Equal("absent", recording.Status());
        Assert.Contains("no recording URL", recording.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        var stages = recording.GetProperty("stages");
        Assert.Equal("skipped", stages.GetProperty("download").GetProperty("status").GetString());
        Assert.Equal("skipped", stages.GetProperty("store").GetProperty("status").GetString());
        Assert.Equal("completed", stages.GetProperty("transcribe").GetProperty("status").GetString());
        Assert.Equal("completed", stages.GetProperty("summarize").GetProperty("status").GetString());
        var row = await host.QueryAsync(db => db.Recordings.SingleAsync());
        Assert.Equal("AI: Recording is off today.\nUser: Fine.", row.TranscriptText);
        Assert.Equal("Nothing recorded.", row.SummaryText);
        Assert.Equal(0, await host.QueryAsync(db => db.Jobs.CountAsync()));
    }

    [Fact]
    public async Task EndOfCallReport_WithUrl_EnqueuesOneJob()
    {
        // Arrange: a host nothing listens on; only the job row matters here.
        await using var host = await CallVaultTestHost.StartAsync(null, VapiRequests.Settings(Mode, "127.0.0.1:1"));

        // Act
        await SendAsync(host, VapiRequests.Report("call-job", stereoUrl: new Uri("http://127.0.0.1:1/a.wav")));

        // Assert
        var job = await host.QueryAsync(db => db.Jobs.SingleAsync());
        var row = await host.QueryAsync(db => db.Recordings.SingleAsync());
        Assert.Equal(row.Id, job.RecordingId);
        Assert.Equal("http://127.0.0.1:1/a.wav", row.MediaUrl);
        Assert.NotEqual(JobState.Dead, job.State);
    }
}
