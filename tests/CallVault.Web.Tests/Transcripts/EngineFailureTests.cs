using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using CallVault.Infrastructure.Tests.TestSupport;
using CallVault.Web.Tests.TestSupport;
using CallVault.Web.Tests.Uploads;

namespace CallVault.Web.Tests.Transcripts;

/// <summary>
/// A failing speech engine never touches the audio: the stage is retried with backoff, then left
/// failed with the server's reason while the recording stays stored; an admin's retry finishes it.
/// </summary>
public sealed class EngineFailureTests
{
    [Fact]
    public async Task FailingEngine_StageRetriedThenFailedWithReason_AdminRetryCompletesItAndTheAudioIsUntouched()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        // Only channel 1 carries sound; the server hears the two lines there and nothing on the silent channel.
        server.Transcribe = wav => wav.SpeechRegions().Count == 0 ? [] : [(0.5, 2.0, "Please cancel my subscription."), (2.5, 3.5, "The cancellation is confirmed.")];
        server.Summarize = _ => "The caller cancelled a subscription.";
        server.FailTranscriptions(int.MaxValue);
        await using var host = await UploadHost.StartAsync(new Dictionary<string, string?>(Settings(server))
        {
            ["CallVault:Jobs:MaxAttempts"] = "3",
        });
        var wav = PcmWav.Create(8000, Tone(4), new short[4 * 8000]);

        var before = await PrometheusText.ScrapeAsync(host.Anonymous);
        var id = await TranscriptApi.UploadAsync(host, "fail-1", wav);
        var failed = await TranscriptApi.WaitForTextStagesAsync(host, id);
        var afterFailure = await PrometheusText.ScrapeAsync(host.Anonymous);

        Assert.Equal("stored", failed.Status());
        var transcribe = failed.Stage("transcribe");
        Assert.Equal("failed", transcribe.GetProperty("status").GetString());
        Assert.Equal(3, transcribe.GetProperty("attempts").GetInt32());
        Assert.Equal("the transcription server answered 503: The server is overloaded.", transcribe.GetProperty("lastError").GetString());
        Assert.Equal(3, server.TranscriptionRequests);
        Assert.Equal("skipped", failed.StageStatus("summarize"));
        Assert.Contains("no transcript", failed.Stage("summarize").GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, failed.GetProperty("transcript").ValueKind);
        Assert.Equal("transcribe: the transcription server answered 503: The server is overloaded.", failed.GetProperty("lastError").GetString());
        // Counted like the audio stages: two retries, then the failure.
        Assert.Equal(2, afterFailure.Since(before, "callvault_stage_runs_total", ("outcome", "retry"), ("stage", "transcribe")));
        Assert.Equal(1, afterFailure.Since(before, "callvault_stage_runs_total", ("outcome", "failed"), ("stage", "transcribe")));
        var storedBefore = StoredAudio(host);

        server.FailTranscriptions(0);
        using var retry = await host.Api.PostAsync($"/api/recordings/{id}/retry?stage=transcribe", null);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        var done = await TranscriptApi.WaitForTextStagesAsync(host, id);
        var afterRetry = await PrometheusText.ScrapeAsync(host.Anonymous);
        Assert.Equal(1, afterRetry.Since(afterFailure, "callvault_stage_runs_total", ("outcome", "completed"), ("stage", "transcribe")));
        Assert.Equal(1, afterRetry.Since(afterFailure, "callvault_stage_runs_total", ("outcome", "completed"), ("stage", "summarize")));

        Assert.Equal("completed", done.StageStatus("transcribe"));
        Assert.Equal(1, done.Stage("transcribe").GetProperty("attempts").GetInt32());
        Assert.Equal("Please cancel my subscription.\nThe cancellation is confirmed.", done.GetProperty("transcript").GetProperty("text").GetString());
        Assert.All(DualChannelTranscriptTests.Segments(done), s => Assert.Equal((1, "customer"), (s.GetProperty("channel").GetInt32(), s.GetProperty("speaker").GetString())));
        Assert.Equal("completed", done.StageStatus("summarize"));
        Assert.Equal(("openai", "The caller cancelled a subscription."),
            (done.GetProperty("summary").GetProperty("engine").GetString(), done.GetProperty("summary").GetProperty("text").GetString()));
        // Each channel went to the server as its own 16 kHz mono file.
        Assert.Equal(2, server.ReceivedAudio.Count);
        Assert.Equal(storedBefore, StoredAudio(host));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(wav)), done.GetProperty("sha256").GetString());
        Assert.All(["download", "validate", "store"], stage => Assert.Equal(1, done.Stage(stage).GetProperty("attempts").GetInt32()));
    }

    [Fact]
    public async Task RetryEndpoint_TranscribeNotFailed_Answers409()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        await using var host = await UploadHost.StartAsync(Settings(server));
        var id = await TranscriptApi.UploadAsync(host, "ok-1", PcmWav.Create(8000, Tone(2)));
        await TranscriptApi.WaitForTextStagesAsync(host, id);

        using var retry = await host.Api.PostAsync($"/api/recordings/{id}/retry?stage=transcribe", null);

        Assert.Equal(HttpStatusCode.Conflict, retry.StatusCode);
        Assert.Equal("application/problem+json", retry.Content.Headers.ContentType?.MediaType);
    }

    internal static Dictionary<string, string?> Settings(FakeOpenAiServer server) => new()
    {
        ["CallVault:Transcription:Engine"] = "openai",
        ["CallVault:Transcription:OpenAI:BaseUrl"] = server.BaseUrl.ToString(),
        ["CallVault:Transcription:OpenAI:ApiKey"] = FakeOpenAiServer.Key,
        ["CallVault:Transcription:OpenAI:Model"] = FakeOpenAiServer.TranscriptionModel,
        ["CallVault:Summary:Engine"] = "openai",
        ["CallVault:Summary:OpenAI:BaseUrl"] = server.BaseUrl.ToString(),
        ["CallVault:Summary:OpenAI:ApiKey"] = FakeOpenAiServer.Key,
        ["CallVault:Summary:OpenAI:Model"] = FakeOpenAiServer.ChatModel,
    };

    /// <summary>A tone of <paramref name="seconds"/> at 8 kHz: audio that is not silence.</summary>
    internal static short[] Tone(double seconds, double frequency = 440) =>
        [.. Enumerable.Range(0, (int)(seconds * 8000)).Select(i => (short)(6000 * Math.Sin(2 * Math.PI * frequency * i / 8000)))];

    /// <summary>Every stored file with its bytes' hash and last write time.</summary>
    private static IReadOnlyList<(string File, string Sha256, DateTime Written)> StoredAudio(CallVaultTestHost host) =>
        [.. host.StoredFiles().Order().Select(f => Path.Combine(host.StoragePath, f))
            .Select(p => (p, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(p))), File.GetLastWriteTimeUtc(p)))];
}
