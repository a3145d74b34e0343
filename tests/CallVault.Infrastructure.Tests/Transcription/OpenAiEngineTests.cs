using CallVault.Core.Pipeline;
using CallVault.Core.Recordings;
using CallVault.Core.Transcripts;
using CallVault.Infrastructure.Summaries;
using CallVault.Infrastructure.Tests.TestSupport;
using CallVault.Infrastructure.Transcription;
using Microsoft.Extensions.DependencyInjection;

namespace CallVault.Infrastructure.Tests.Transcription;

/// <summary>The OpenAI-compatible adapters against a server speaking the real wire format.</summary>
public sealed class OpenAiEngineTests : IAsyncLifetime
{
    private FakeOpenAiServer _server = null!;
    private TestServices _t = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeOpenAiServer.StartAsync();
        _t = await TestServices.StartAsync(Settings(_server, FakeOpenAiServer.Key), migrate: false);
    }

    public async Task DisposeAsync()
    {
        await _t.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task TranscribeAsync_SpeechAt1And3Seconds_UploadsTheWavAndReturnsTheServersSegments()
    {
        var wav = SpeechWav.Write(_t.Root, 5, (1.0, 2.0), (3.0, 4.2));

        var result = await Transcriber(_t).TranscribeAsync(wav, _t.Token);

        Assert.Null(result.Failure);
        Assert.Equal([("speech 1", 1.0, 2.0), ("speech 2", 3.0, 4.2)], result.Value!.Select(s => (s.Text, Math.Round(s.Start, 1), Math.Round(s.End, 1))));
        var received = Assert.Single(_server.ReceivedAudio);
        Assert.Equal((1, 16_000, 5.0), (received.Channels, received.SampleRate, received.DurationSeconds));
    }

    [Fact]
    public async Task TranscribeAsync_ServerOverloaded_IsTransientWithTheServersMessage()
    {
        _server.FailTranscriptions(1);

        var result = await Transcriber(_t).TranscribeAsync(SpeechWav.Write(_t.Root, 1, (0.2, 0.8)), _t.Token);

        var transient = Assert.IsType<StageResult.Transient>(result.Failure);
        Assert.Equal("the transcription server answered 503: The server is overloaded.", transient.Reason);
        Assert.Null(transient.RetryAfter);
    }

    [Fact]
    public async Task TranscribeAsync_RateLimitedWithRetryAfter_IsTransientAndWaitsThatLong()
    {
        _server.Failure = (429, "Rate limit reached for requests.", 37);
        _server.FailTranscriptions(1);

        var result = await Transcriber(_t).TranscribeAsync(SpeechWav.Write(_t.Root, 1, (0.2, 0.8)), _t.Token);

        var transient = Assert.IsType<StageResult.Transient>(result.Failure);
        Assert.Equal(TimeSpan.FromSeconds(37), transient.RetryAfter);
        Assert.Contains("429", transient.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TranscribeAsync_WrongKey_IsPermanentAndDoesNotRevealTheKey()
    {
        await using var wrong = await TestServices.StartAsync(Settings(_server, "sk-wrong-key-0000"), migrate: false);

        var result = await Transcriber(wrong).TranscribeAsync(SpeechWav.Write(wrong.Root, 1, (0.2, 0.8)), wrong.Token);

        var permanent = Assert.IsType<StageResult.Permanent>(result.Failure);
        Assert.Equal("the transcription server answered 401: Incorrect API key provided.", permanent.Reason);
        Assert.DoesNotContain("sk-", permanent.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TranscribeAsync_StereoFile_IsRefusedByTheServer()
    {
        // The server checks what it receives: the adapter must be given one channel at a time.
        var stereo = Path.Combine(_t.Root, "stereo.wav");
        await File.WriteAllBytesAsync(stereo, PcmWav.Create(16_000, new short[16_000], new short[16_000]), _t.Token);

        var result = await Transcriber(_t).TranscribeAsync(stereo, _t.Token);

        var permanent = Assert.IsType<StageResult.Permanent>(result.Failure);
        Assert.Contains("16 kHz mono", permanent.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TranscribeAsync_ServerDown_IsTransient()
    {
        await using var down = await TestServices.StartAsync(new Dictionary<string, string?>(Settings(_server, FakeOpenAiServer.Key))
        {
            ["CallVault:Transcription:OpenAI:BaseUrl"] = "http://127.0.0.1:1/v1",
        }, migrate: false);

        var result = await Transcriber(down).TranscribeAsync(SpeechWav.Write(down.Root, 1), down.Token);

        Assert.Contains("could not be reached", Assert.IsType<StageResult.Transient>(result.Failure).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummarizeAsync_DualChannelTranscript_SendsEachTurnWithItsSpeakerAndReturnsTheReply()
    {
        _server.Summarize = user => user.Contains("customer: I was charged twice.", StringComparison.Ordinal) ? "  The customer was refunded.  " : "wrong prompt";
        var recording = new Recording { Provider = "test", ProviderRecordingId = "r1", TranscriptText = "Hello.\nI was charged twice." };
        recording.TranscriptSegments = [new TranscriptSegment(0, 1, 2, "agent", "Hello."), new TranscriptSegment(1, 2, 1, "customer", "I was charged twice.")];

        var result = await Summarizer(_t).SummarizeAsync(recording, _t.Token);

        Assert.Equal("The customer was refunded.", result.Value);
        Assert.StartsWith("Transcript of the call:\nagent: Hello.\n", Assert.Single(_server.ReceivedChats), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummarizeAsync_ServerOverloaded_IsTransient()
    {
        _server.FailChats(1);
        var recording = new Recording { Provider = "test", ProviderRecordingId = "r1", TranscriptText = "Hello." };

        var result = await Summarizer(_t).SummarizeAsync(recording, _t.Token);

        Assert.Equal("the summary server answered 503: The server is overloaded.", Assert.IsType<StageResult.Transient>(result.Failure).Reason);
    }

    internal static Dictionary<string, string?> Settings(FakeOpenAiServer server, string key) => new()
    {
        ["CallVault:Transcription:Engine"] = "openai",
        ["CallVault:Transcription:OpenAI:BaseUrl"] = server.BaseUrl.ToString(),
        ["CallVault:Transcription:OpenAI:ApiKey"] = key,
        ["CallVault:Transcription:OpenAI:Model"] = FakeOpenAiServer.TranscriptionModel,
        ["CallVault:Summary:Engine"] = "openai",
        ["CallVault:Summary:OpenAI:BaseUrl"] = server.BaseUrl.ToString(),
        ["CallVault:Summary:OpenAI:ApiKey"] = key,
        ["CallVault:Summary:OpenAI:Model"] = FakeOpenAiServer.ChatModel,
    };

    private static ITranscriptionEngine Transcriber(TestServices t) => t.Services.GetServices<ITranscriptionEngine>().Single(e => e.Name == "openai");

    private static ISummaryEngine Summarizer(TestServices t) => t.Services.GetServices<ISummaryEngine>().Single(e => e.Name == "openai");
}
