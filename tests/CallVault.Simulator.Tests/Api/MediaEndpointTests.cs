using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using CallVault.Simulator.Tests.TestSupport;

namespace CallVault.Simulator.Tests.Api;

public sealed class MediaEndpointTests
{
    [Fact]
    public async Task GetWav_WithoutAuth_Returns401WithTwilioError()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var recording = h.Simulator.AddRecording(new RecordingSpec { CallSid = "CA" + new string('a', 32), DurationSeconds = 1 });

        using var response = await h.Anonymous.GetAsync($"{h.AccountPath}/Recordings/{recording.Sid}.wav", h.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = await SimulatorHarness.ReadJsonAsync(response, h.Token);
        Assert.Equal(20003, error.GetProperty("code").GetInt32());
        Assert.Equal(401, error.GetProperty("status").GetInt32());
        Assert.Equal(1, h.Simulator.Stats.Unauthorized);
    }

    [Fact]
    public async Task GetWav_WrongToken_Returns401()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var recording = h.Simulator.AddRecording(new RecordingSpec { CallSid = "CA" + new string('a', 32), DurationSeconds = 1 });
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{h.AccountPath}/Recordings/{recording.Sid}.wav");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{h.Simulator.AccountSid}:wrong")));

        using var response = await h.Anonymous.SendAsync(request, h.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task GetWav_OtherAccountInPath_Returns404()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var recording = h.Simulator.AddRecording(new RecordingSpec { CallSid = "CA" + new string('a', 32), DurationSeconds = 1 });

        using var response = await h.Http.GetAsync($"/2010-04-01/Accounts/AC{new string('0', 32)}/Recordings/{recording.Sid}.wav", h.Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(1, 3.0)]
    [InlineData(2, 2.5)]
    public async Task GetWav_WithAuth_ServesValidWavMatchingSha256(int channels, double seconds)
    {
        await using var h = await SimulatorHarness.StartAsync();
        var recording = h.Simulator.AddRecording(new RecordingSpec { CallSid = "CA" + new string('b', 32), Channels = channels, DurationSeconds = seconds });

        using var response = await h.Http.GetAsync($"{h.AccountPath}/Recordings/{recording.Sid}.wav", h.Token);
        var bytes = await response.Content.ReadAsByteArrayAsync(h.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("audio/x-wav", response.Content.Headers.ContentType?.MediaType);
        var expectedSize = 44 + (long)(8000 * 2 * channels * seconds);
        Assert.Equal(expectedSize, response.Content.Headers.ContentLength);
        Assert.Equal(expectedSize, bytes.LongLength);
        Assert.Equal(expectedSize, recording.SizeBytes);
        var header = WavAssert.Header(bytes);
        Assert.Equal((channels, 8000, 16, expectedSize - 44), header);
        Assert.Equal(await recording.ComputeSha256Async(h.Token), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal(expectedSize, h.Simulator.Stats.MediaBytesServed);
    }

    [Fact]
    public async Task GetMedia_NoExtension_ServesSameBytesAsWav()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var recording = h.Simulator.AddRecording(new RecordingSpec { CallSid = "CA" + new string('b', 32), DurationSeconds = 1 });

        var bare = await h.Http.GetByteArrayAsync(recording.MediaUrl, h.Token);
        var wav = await h.Http.GetByteArrayAsync(recording.MediaUrl + ".wav", h.Token);

        Assert.Equal(wav, bare);
    }

    [Fact]
    public async Task GetMp3_AnyRecording_Returns415()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var recording = h.Simulator.AddRecording(new RecordingSpec { CallSid = "CA" + new string('b', 32), DurationSeconds = 1 });

        using var response = await h.Http.GetAsync(recording.MediaUrl + ".mp3", h.Token);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task GetWav_RecordingsDiffer_HashesDiffer()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var a = h.Simulator.AddRecording(new RecordingSpec { CallSid = "CA" + new string('b', 32), DurationSeconds = 1 });
        var b = h.Simulator.AddRecording(new RecordingSpec { CallSid = "CA" + new string('b', 32), DurationSeconds = 1 });

        Assert.NotEqual(await a.ComputeSha256Async(h.Token), await b.ComputeSha256Async(h.Token));
    }

    [Fact]
    public async Task GetWav_RequestedChannels2OnMono_Returns400WithTwilioError()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var recording = h.Simulator.AddRecording(new RecordingSpec { CallSid = "CA" + new string('c', 32), Channels = 1, DurationSeconds = 1 });

        using var response = await h.Http.GetAsync($"{recording.MediaUrl}.wav?RequestedChannels=2", h.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await SimulatorHarness.ReadJsonAsync(response, h.Token);
        Assert.Equal(400, error.GetProperty("status").GetInt32());
        Assert.True(error.GetProperty("code").GetInt32() > 0);
    }

    [Fact]
    public async Task GetWav_RequestedChannels1OnStereo_ServesMonoMixdown()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var recording = h.Simulator.AddRecording(new RecordingSpec { CallSid = "CA" + new string('c', 32), Channels = 2, DurationSeconds = 1 });

        var bytes = await h.Http.GetByteArrayAsync($"{recording.MediaUrl}.wav?RequestedChannels=1", h.Token);

        Assert.Equal((1, 8000, 16, 16000L), WavAssert.Header(bytes));
    }

    [Fact]
    public async Task GetWav_RangeRequest_Returns206WithThatSlice()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var recording = h.Simulator.AddRecording(new RecordingSpec { CallSid = "CA" + new string('d', 32), DurationSeconds = 2 });
        var whole = await h.Http.GetByteArrayAsync(recording.MediaUrl + ".wav", h.Token);
        using var request = new HttpRequestMessage(HttpMethod.Get, recording.MediaUrl + ".wav");
        request.Headers.Range = new RangeHeaderValue(1001, 5000);

        using var response = await h.Http.SendAsync(request, h.Token);
        var part = await response.Content.ReadAsByteArrayAsync(h.Token);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(whole.AsSpan(1001, 4000).ToArray(), part);
        Assert.Equal(whole.LongLength, response.Content.Headers.ContentRange?.Length);
    }

    [Fact]
    public async Task GetWav_AudioFile_ServesFileBytes()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var path = Path.Combine(Path.GetTempPath(), $"callvault-sim-{Guid.NewGuid():N}.wav");
        byte[] content = [.. Core.Audio.WavHeader.Create(1, 8000, 16, 4), 1, 2, 3, 4];
        await File.WriteAllBytesAsync(path, content, h.Token);
        try
        {
            var recording = h.Simulator.AddRecording(new RecordingSpec { CallSid = "CA" + new string('d', 32), Channels = 1, DurationSeconds = 1, AudioFile = path });

            var served = await h.Http.GetByteArrayAsync(recording.MediaUrl + ".wav", h.Token);

            Assert.Equal(content, served);
            Assert.Equal(content.LongLength, recording.SizeBytes);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), await recording.ComputeSha256Async(h.Token));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
