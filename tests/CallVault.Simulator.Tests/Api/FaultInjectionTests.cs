using System.Diagnostics;
using System.Net;
using CallVault.Simulator.Tests.TestSupport;

namespace CallVault.Simulator.Tests.Api;

public sealed class FaultInjectionTests
{
    [Fact]
    public async Task GetWav_NotReadyFirstRequests2_First404ThenOk()
    {
        await using var h = await SimulatorHarness.StartAsync();
        h.Simulator.Faults.NotReadyFirstRequests = 2;
        var recording = h.Simulator.AddRecording(new RecordingSpec { CallSid = "CA" + new string('a', 32), DurationSeconds = 1 });
        var url = recording.MediaUrl + ".wav";

        using var first = await h.Http.GetAsync(url, h.Token);
        using var second = await h.Http.GetAsync(url, h.Token);
        using var third = await h.Http.GetAsync(url, h.Token);

        Assert.Equal(HttpStatusCode.NotFound, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal(2, h.Simulator.Stats.NotFoundInjected);
    }

    [Fact]
    public async Task GetWav_TruncateRate1_ClientSeesErrorOrShortBody()
    {
        await using var h = await SimulatorHarness.StartAsync();
        h.Simulator.Faults.TruncateRate = 1;
        var recording = h.Simulator.AddRecording(new RecordingSpec { CallSid = "CA" + new string('a', 32), Channels = 2, DurationSeconds = 10 });

        using var response = await h.Http.GetAsync(recording.MediaUrl + ".wav", HttpCompletionOption.ResponseHeadersRead, h.Token);
        Assert.Equal(recording.SizeBytes, response.Content.Headers.ContentLength);
        long received = 0;
        Exception? failure = null;
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(h.Token);
            var buffer = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(buffer, h.Token)) > 0)
            {
                received += read;
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            failure = ex;
        }

        Assert.True(failure is not null || received < recording.SizeBytes,
            $"Expected an error or a short body, received {received} of {recording.SizeBytes} bytes.");
        Assert.True(received < recording.SizeBytes);
        Assert.Equal(1, h.Simulator.Stats.Truncated);
    }

    [Fact]
    public async Task GetWav_ServerErrorRate1_Returns5xx()
    {
        await using var h = await SimulatorHarness.StartAsync();
        h.Simulator.Faults.ServerErrorRate = 1;
        var recording = h.Simulator.AddRecording(new RecordingSpec { CallSid = "CA" + new string('a', 32), DurationSeconds = 1 });

        for (var i = 0; i < 5; i++)
        {
            using var response = await h.Http.GetAsync(recording.MediaUrl + ".wav", h.Token);
            Assert.InRange((int)response.StatusCode, 500, 599);
        }

        Assert.Equal(5, h.Simulator.Stats.ServerErrorsInjected);
        h.Simulator.Faults.ServerErrorRate = 0;
        using var healthy = await h.Http.GetAsync(recording.MediaUrl + ".wav", h.Token);
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
    }

    [Fact]
    public async Task ListRecordings_ListErrorRate1_ReturnsRetryableErrorWithRetryAfter()
    {
        await using var h = await SimulatorHarness.StartAsync();
        h.Simulator.Faults.ListErrorRate = 1;

        using var response = await h.Http.GetAsync($"{h.AccountPath}/Recordings.json", h.Token);

        Assert.Contains((int)response.StatusCode, new[] { 429, 500, 503 });
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        Assert.Equal(1, h.Simulator.Stats.ListErrorsInjected);
    }

    [Fact]
    public async Task GetWav_BytesPerSecondLimit_SlowsTheBody()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var recording = h.Simulator.AddRecording(new RecordingSpec { CallSid = "CA" + new string('a', 32), Channels = 1, DurationSeconds = 1 });
        h.Simulator.Faults.BytesPerSecond = 32_000;
        var stopwatch = Stopwatch.StartNew();

        var bytes = await h.Http.GetByteArrayAsync(recording.MediaUrl + ".wav", h.Token);

        Assert.Equal(recording.SizeBytes, bytes.LongLength);
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(400), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task Faults_RateOutOfRange_Throws()
    {
        await using var h = await SimulatorHarness.StartAsync();

        Assert.Throws<ArgumentOutOfRangeException>(() => h.Simulator.Faults.ServerErrorRate = 1.5);
        Assert.Throws<ArgumentOutOfRangeException>(() => h.Simulator.Faults.TruncateRate = -0.1);
        Assert.Throws<ArgumentOutOfRangeException>(() => h.Simulator.Faults.NotReadyFirstRequests = -1);
    }
}
