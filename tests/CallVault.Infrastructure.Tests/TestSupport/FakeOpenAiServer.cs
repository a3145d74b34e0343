using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CallVault.Infrastructure.Tests.TestSupport;

/// <summary>
/// An OpenAI-compatible server on 127.0.0.1 speaking the real wire format: <c>POST /v1/audio/transcriptions</c>
/// (multipart: <c>file</c>, <c>model</c>, <c>response_format=verbose_json</c>; answers with <c>segments[]</c>) and
/// <c>POST /v1/chat/completions</c>. It checks the key, the model and the audio (16-bit PCM WAV, 16 kHz,
/// one channel), refusing anything else with OpenAI's error body, and can fail on demand (503, 429 with
/// <c>Retry-After</c>, 401).
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    public const string Key = "sk-test-0123456789abcdef";
    public const string TranscriptionModel = "whisper-test";
    public const string ChatModel = "chat-test";

    private readonly LoopbackServer _host;
    private int _transcriptionFailures;
    private int _chatFailures;
    private int _transcriptionRequests;

    private FakeOpenAiServer(LoopbackServer host)
    {
        _host = host;
        BaseUrl = new Uri(host.BaseUrl, "v1");
    }

    /// <summary>The API root to configure, ending in <c>/v1</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Every audio file received, as parsed (only those that passed the checks).</summary>
    public ConcurrentQueue<PcmWav> ReceivedAudio { get; } = new();

    /// <summary>The user message of every chat request received.</summary>
    public ConcurrentQueue<string> ReceivedChats { get; } = new();

    /// <summary>Every transcription request, refused ones included.</summary>
    public int TranscriptionRequests => Volatile.Read(ref _transcriptionRequests);

    /// <summary>What the server "hears" in a file: by default one segment per stretch of speech energy.</summary>
    public Func<PcmWav, IReadOnlyList<(double Start, double End, string Text)>> Transcribe { get; set; } =
        wav => [.. wav.SpeechRegions().Select((r, i) => (r.Start, r.End, $"speech {i + 1}"))];

    /// <summary>The summary the chat endpoint answers for a user message.</summary>
    public Func<string, string> Summarize { get; set; } = _ => "The caller asked about an invoice.";

    /// <summary>How the next failing answers look.</summary>
    public (int Status, string Message, int? RetryAfterSeconds) Failure { get; set; } = (503, "The server is overloaded.", null);

    /// <summary>Answers the next <paramref name="count"/> transcription requests with <see cref="Failure"/>.</summary>
    public void FailTranscriptions(int count) => Volatile.Write(ref _transcriptionFailures, count);

    public void FailChats(int count) => Volatile.Write(ref _chatFailures, count);

    public static async Task<FakeOpenAiServer> StartAsync()
    {
        FakeOpenAiServer? server = null;
        var host = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/v1/audio/transcriptions", (Func<HttpContext, Task<IResult>>)(context => server!.TranscriptionAsync(context)));
            app.MapPost("/v1/chat/completions", (Func<HttpContext, Task<IResult>>)(context => server!.ChatAsync(context)));
        });
        server = new FakeOpenAiServer(host);
        return server;
    }

    private async Task<IResult> TranscriptionAsync(HttpContext context)
    {
        Interlocked.Increment(ref _transcriptionRequests);
        if (Refused(context, ref _transcriptionFailures) is { } refused)
        {
            return refused;
        }

        if (!context.Request.HasFormContentType)
        {
            return Error(400, "Expected a multipart/form-data body.");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (form["model"] != TranscriptionModel)
        {
            return Error(404, $"The model '{form["model"]}' does not exist.");
        }

        if (form["response_format"] != "verbose_json" || form["timestamp_granularities[]"] != "segment")
        {
            return Error(400, "This test server answers response_format=verbose_json with segment timestamps only.");
        }

        if (form.Files.GetFile("file") is not { } file)
        {
            return Error(400, "No file part.");
        }

        PcmWav wav;
        await using (var stream = file.OpenReadStream())
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, context.RequestAborted);
            try
            {
                wav = PcmWav.Parse(copy.ToArray());
            }
            catch (FormatException ex)
            {
                return Error(400, $"Invalid file format: {ex.Message}");
            }
        }

        if (wav.Channels != 1 || wav.SampleRate != 16_000)
        {
            return Error(400, $"Expected 16 kHz mono, got {wav.SampleRate} Hz with {wav.Channels} channels.");
        }

        ReceivedAudio.Enqueue(wav);
        var segments = Transcribe(wav);
        return Results.Json(new
        {
            task = "transcribe",
            language = "english",
            duration = wav.DurationSeconds,
            text = string.Join(' ', segments.Select(s => s.Text)),
            segments = segments.Select((s, i) => new
            {
                id = i, seek = 0, start = s.Start, end = s.End, text = $" {s.Text}", tokens = Array.Empty<int>(),
                temperature = 0.0, avg_logprob = -0.2, compression_ratio = 1.1, no_speech_prob = 0.01,
            }),
        });
    }

    private async Task<IResult> ChatAsync(HttpContext context)
    {
        if (Refused(context, ref _chatFailures) is { } refused)
        {
            return refused;
        }

        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var root = body.RootElement;
        if (root.GetProperty("model").GetString() != ChatModel)
        {
            return Error(404, "The model does not exist.");
        }

        var messages = root.GetProperty("messages");
        if (messages.GetArrayLength() != 2 || messages[0].GetProperty("role").GetString() != "system" || messages[1].GetProperty("role").GetString() != "user")
        {
            return Error(400, "Expected a system and a user message.");
        }

        var user = messages[1].GetProperty("content").GetString()!;
        ReceivedChats.Enqueue(user);
        return Results.Json(new
        {
            id = "chatcmpl-test", @object = "chat.completion", model = ChatModel,
            choices = new[] { new { index = 0, message = new { role = "assistant", content = Summarize(user) }, finish_reason = "stop" } },
        });
    }

    private IResult? Refused(HttpContext context, ref int failures)
    {
        if (context.Request.Headers.Authorization != $"Bearer {Key}")
        {
            return Error(401, "Incorrect API key provided.");
        }

        if (Interlocked.Decrement(ref failures) >= 0)
        {
            var (status, message, retryAfter) = Failure;
            if (retryAfter is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return Error(status, message);
        }

        return null;
    }

    private static IResult Error(int status, string message) =>
        Results.Json(new { error = new { message, type = "invalid_request_error", param = (string?)null, code = (string?)null } }, statusCode: status);

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
