using System.Security.Cryptography;
using CallVault.Core.Pipeline;
using CallVault.Infrastructure.Tests.TestSupport;
using CallVault.Infrastructure.Twilio;
using CallVault.Simulator;

namespace CallVault.Infrastructure.Tests.Twilio;

public sealed class TwilioMediaClientTests : IAsyncLifetime
{
    private TwilioSimulator _simulator = null!;

    public async Task InitializeAsync() =>
        _simulator = await TwilioSimulator.StartAsync(new SimulatorOptions(), CancellationToken.None);

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Fact]
    public async Task DownloadAsync_StereoRecording_WritesExactlyTheServedBytesWithTheirSha256()
    {
        await using var t = await TestServices.StartAsync(simulator: _simulator);
        var recording = NewRecording(channels: 2, seconds: 2);
        var destination = Path.Combine(t.Root, "download.wav");

        var download = await Client(t).DownloadAsync(recording.MediaUrl.AbsoluteUri, 2, destination, t.Token);

        Assert.Equal(StageResult.Ok, download.Result);
        var expected = await recording.ComputeSha256Async(t.Token);
        Assert.Equal(expected, download.Sha256);
        Assert.Equal(recording.SizeBytes, download.Bytes);
        Assert.Equal(recording.SizeBytes, new FileInfo(destination).Length);
        Assert.Equal(expected, await FileSha256Async(destination, t.Token));
        Assert.Equal(1, _simulator.Stats.MediaRequests);
    }

    [Fact]
    public async Task DownloadAsync_NotReadyOnTheFirstRequest_SucceedsThroughTheQuickRetry()
    {
        await using var t = await TestServices.StartAsync(simulator: _simulator);
        _simulator.Faults.NotReadyFirstRequests = 1;
        var recording = NewRecording();
        var destination = Path.Combine(t.Root, "download.wav");

        var download = await Client(t).DownloadAsync(recording.MediaUrl.AbsoluteUri, 1, destination, t.Token);

        Assert.True(download.Succeeded, download.Result.ToString());
        Assert.Equal(await recording.ComputeSha256Async(t.Token), download.Sha256);
        Assert.Equal(1, _simulator.Stats.NotFoundInjected);
        Assert.Equal(2, _simulator.Stats.MediaRequests);
    }

    [Fact]
    public async Task DownloadAsync_ServerAlwaysAnswers5xx_ReturnsTransientAfterTheQuickRetries()
    {
        await using var t = await TestServices.StartAsync(simulator: _simulator);
        _simulator.Faults.ServerErrorRate = 1;
        var recording = NewRecording();

        var download = await Client(t).DownloadAsync(recording.MediaUrl.AbsoluteUri, 1, Path.Combine(t.Root, "download.wav"), t.Token);

        var transient = Assert.IsType<StageResult.Transient>(download.Result);
        Assert.Contains("provider answered 50", transient.Reason, StringComparison.Ordinal);
        Assert.False(download.Succeeded);
        Assert.Equal(3, _simulator.Stats.ServerErrorsInjected);
        Assert.Equal(0, _simulator.Stats.MediaResponsesCompleted);
    }

    [Fact]
    public async Task DownloadAsync_BodyAlwaysTruncated_ReturnsTransientAndNeverCompletes()
    {
        await using var t = await TestServices.StartAsync(simulator: _simulator);
        _simulator.Faults.TruncateRate = 1;
        var recording = NewRecording(seconds: 3);

        var download = await Client(t).DownloadAsync(recording.MediaUrl.AbsoluteUri, 1, Path.Combine(t.Root, "download.wav"), t.Token);

        Assert.IsType<StageResult.Transient>(download.Result);
        Assert.False(download.Succeeded);
        Assert.Null(download.Sha256);
        Assert.True(_simulator.Stats.Truncated >= 1);
        Assert.Equal(0, _simulator.Stats.MediaResponsesCompleted);
    }

    [Fact]
    public async Task DownloadAsync_WrongAuthToken_DoesNotComplete()
    {
        await using var t = await TestServices.StartAsync(new Dictionary<string, string?> { ["CallVault:Twilio:AuthToken"] = "not-the-token" }, _simulator);
        var recording = NewRecording();
        var destination = Path.Combine(t.Root, "download.wav");

        var download = await Client(t).DownloadAsync(recording.MediaUrl.AbsoluteUri, 1, destination, t.Token);

        Assert.False(download.Succeeded);
        Assert.Contains("credentials", ReasonOf(download.Result), StringComparison.Ordinal);
        Assert.True(_simulator.Stats.Unauthorized >= 1);
        Assert.Equal(0, _simulator.Stats.MediaResponsesCompleted);
        Assert.False(File.Exists(destination));
    }

    [Fact]
    public async Task DownloadAsync_RecordingUrlOnAnotherHost_ReturnsPermanentWithoutAnyRequest()
    {
        await using var t = await TestServices.StartAsync(simulator: _simulator);
        var recording = NewRecording();
        var elsewhere = new UriBuilder(recording.MediaUrl) { Host = "localhost" }.Uri;
        var destination = Path.Combine(t.Root, "download.wav");

        var download = await Client(t).DownloadAsync(elsewhere.AbsoluteUri, 1, destination, t.Token);

        var permanent = Assert.IsType<StageResult.Permanent>(download.Result);
        Assert.Contains("not the configured Twilio API host", permanent.Reason, StringComparison.Ordinal);
        Assert.Equal(0, _simulator.Stats.MediaRequests);
        Assert.False(File.Exists(destination));
    }

    [Fact]
    public async Task DownloadAsync_TwoChannelsAskedOfAMonoRecording_FallsBackToMonoAndSucceeds()
    {
        await using var t = await TestServices.StartAsync(simulator: _simulator);
        var recording = NewRecording(channels: 1);

        var download = await Client(t).DownloadAsync(recording.MediaUrl.AbsoluteUri, 2, Path.Combine(t.Root, "download.wav"), t.Token);

        Assert.True(download.Succeeded, download.Result.ToString());
        Assert.Equal(await recording.ComputeSha256Async(t.Token), download.Sha256);
        Assert.Equal(2, _simulator.Stats.MediaRequests);
        Assert.Equal(1, _simulator.Stats.MediaResponsesCompleted);
    }

    [Fact]
    public async Task DownloadAsync_MediaLargerThanMaxMediaBytes_ReturnsPermanent()
    {
        await using var t = await TestServices.StartAsync(new Dictionary<string, string?> { ["CallVault:Twilio:MaxMediaBytes"] = "2048" }, _simulator);
        var recording = NewRecording(seconds: 2);
        var destination = Path.Combine(t.Root, "download.wav");

        var download = await Client(t).DownloadAsync(recording.MediaUrl.AbsoluteUri, 1, destination, t.Token);

        var permanent = Assert.IsType<StageResult.Permanent>(download.Result);
        Assert.Contains("2048-byte limit", permanent.Reason, StringComparison.Ordinal);
        Assert.Equal(1, _simulator.Stats.MediaRequests);
        Assert.False(File.Exists(destination));
    }

    [Fact]
    public async Task DownloadAsync_NoCredentialsConfigured_ReturnsTransientWithoutAnyRequest()
    {
        await using var t = await TestServices.StartAsync(new Dictionary<string, string?> { ["CallVault:Twilio:ApiBaseUrl"] = _simulator.BaseUrl.ToString() });
        var recording = NewRecording();

        var download = await Client(t).DownloadAsync(recording.MediaUrl.AbsoluteUri, 1, Path.Combine(t.Root, "download.wav"), t.Token);

        var transient = Assert.IsType<StageResult.Transient>(download.Result);
        Assert.Contains("not configured", transient.Reason, StringComparison.Ordinal);
        Assert.Equal(0, _simulator.Stats.MediaRequests);
    }

    private static TwilioMediaClient Client(TestServices t) => t.Get<TwilioMediaClient>();

    private SimulatedRecording NewRecording(int channels = 1, double seconds = 1) =>
        _simulator.AddRecording(new RecordingSpec { CallSid = TestSids.Call(), Channels = channels, DurationSeconds = seconds });

    private static string ReasonOf(StageResult result) => result switch
    {
        StageResult.Transient transient => transient.Reason,
        StageResult.Permanent permanent => permanent.Reason,
        _ => result.ToString(),
    };

    private static async Task<string> FileSha256Async(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
    }
}
