using System.Diagnostics;
using System.Net;
using CallVault.Simulator.Tests.TestSupport;

namespace CallVault.Simulator.Tests.Api;

public sealed class AuthenticationTests
{
    [Theory]
    [InlineData("GET", "Recordings.json")]
    [InlineData("GET", "Calls.json")]
    [InlineData("GET", "Recordings/RE00000000000000000000000000000000.json")]
    [InlineData("DELETE", "Recordings/RE00000000000000000000000000000000.json")]
    [InlineData("POST", "Calls/CA00000000000000000000000000000000/Recordings.json")]
    public async Task AnyAccountRoute_WithoutAuth_Returns401(string method, string relative)
    {
        await using var h = await SimulatorHarness.StartAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), $"{h.AccountPath}/{relative}");

        using var response = await h.Anonymous.SendAsync(request, h.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Basic", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPath_WithAuth_Returns404TwilioError()
    {
        await using var h = await SimulatorHarness.StartAsync();

        using var response = await h.Http.GetAsync("/2010-04-01/Nothing.json", h.Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(20404, (await SimulatorHarness.ReadJsonAsync(response, h.Token)).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task DisposeAsync_DuringSlowDownload_FinishesQuickly()
    {
        var h = await SimulatorHarness.StartAsync();
        var recording = h.Simulator.AddRecording(new RecordingSpec { CallSid = "CA" + new string('9', 32), DurationSeconds = 60 });
        h.Simulator.Faults.BytesPerSecond = 1000;
        using var response = await h.Http.GetAsync(recording.MediaUrl + ".wav", HttpCompletionOption.ResponseHeadersRead, h.Token);
        var stopwatch = Stopwatch.StartNew();

        await h.DisposeAsync();

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"dispose took {stopwatch.Elapsed}");
    }
}
