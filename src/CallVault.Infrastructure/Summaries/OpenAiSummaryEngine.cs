using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using CallVault.Core.Pipeline;
using CallVault.Core.Recordings;
using CallVault.Infrastructure.Transcription;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Summaries;

/// <summary><c>POST {BaseUrl}/chat/completions</c> with <see cref="SummaryPrompt"/>; the first choice's message is the summary.</summary>
internal sealed class OpenAiSummaryEngine(IHttpClientFactory httpClientFactory, IOptions<SummaryOptions> options, TimeProvider time) : ISummaryEngine
{
    private const string What = "the summary server";

    public string Name => SummaryEngines.OpenAi;

    public async Task<EngineResult<string>> SummarizeAsync(Recording recording, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var body = new ChatRequest(o.OpenAI.Model!, [new("system", SummaryPrompt.System), new("user", SummaryPrompt.User(recording, o.MaxTranscriptChars))], 0);
        using var request = new HttpRequestMessage(HttpMethod.Post, o.OpenAI.Endpoint("chat/completions")) { Content = JsonContent.Create(body) };
        OpenAiHttp.Authorize(request, o.OpenAI.ApiKey);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(o.OpenAI.TimeoutSeconds), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await httpClientFactory.CreateClient(OpenAiHttp.HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            if (!response.IsSuccessStatusCode)
            {
                return EngineResult<string>.Fail(await OpenAiHttp.FailureAsync(What, response, time.GetUtcNow(), linked.Token));
            }

            await using var stream = await response.Content.ReadAsStreamAsync(linked.Token);
            using var json = await JsonDocument.ParseAsync(stream, cancellationToken: linked.Token);
            return FirstMessage(json.RootElement) is { } text
                ? EngineResult<string>.Ok(text.Trim())
                : EngineResult<string>.Fail(new StageResult.Permanent($"{What} answered without choices[0].message.content"));
        }
        catch (JsonException)
        {
            return EngineResult<string>.Fail(new StageResult.Transient($"{What} sent an answer that is not JSON"));
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return EngineResult<string>.Fail(OpenAiHttp.Unreachable(What, ex));
        }
    }

    private static string? FirstMessage(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && root.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array && choices.GetArrayLength() > 0
        && choices[0].ValueKind == JsonValueKind.Object
        && choices[0].TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object
        && message.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String
            ? content.GetString()
            : null;

    private sealed record ChatRequest(
        [property: JsonPropertyName("model")] string Model,
        [property: JsonPropertyName("messages")] IReadOnlyList<ChatMessage> Messages,
        [property: JsonPropertyName("temperature")] double Temperature);

    private sealed record ChatMessage(
        [property: JsonPropertyName("role")] string Role,
        [property: JsonPropertyName("content")] string Content);
}
