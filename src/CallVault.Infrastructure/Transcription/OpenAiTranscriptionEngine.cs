using System.Net.Http.Headers;
using System.Text.Json;
using CallVault.Core.Pipeline;
using CallVault.Core.Transcripts;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Transcription;

/// <summary>
/// <c>POST {BaseUrl}/audio/transcriptions</c>: the WAV file streamed as a multipart upload with the model,
/// <c>response_format=verbose_json</c> and segment timestamps; the answer's segments are the transcript.
/// </summary>
internal sealed class OpenAiTranscriptionEngine(IHttpClientFactory httpClientFactory, IOptions<TranscriptionOptions> options, TimeProvider time) : ITranscriptionEngine
{
    private const string What = "the transcription server";
    private const int MaxAnswerBytes = 32 * 1024 * 1024;

    public string Name => TranscriptionEngines.OpenAi;

    public async Task<EngineResult<IReadOnlyList<TranscriptSegment>>> TranscribeAsync(string wavPath, CancellationToken cancellationToken)
    {
        var server = options.Value.OpenAI;
        await using var audio = new FileStream(wavPath, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
        using var file = new StreamContent(audio);
        file.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        using var form = new MultipartFormDataContent
        {
            { file, "file", Path.GetFileName(wavPath) },
            { new StringContent(server.Model!), "model" },
            { new StringContent("verbose_json"), "response_format" },
            { new StringContent("segment"), "timestamp_granularities[]" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, server.Endpoint("audio/transcriptions")) { Content = form };
        OpenAiHttp.Authorize(request, server.ApiKey);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(server.TimeoutSeconds), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await httpClientFactory.CreateClient(OpenAiHttp.HttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            if (!response.IsSuccessStatusCode)
            {
                return EngineResult<IReadOnlyList<TranscriptSegment>>.Fail(await OpenAiHttp.FailureAsync(What, response, time.GetUtcNow(), linked.Token));
            }

            if (response.Content.Headers.ContentLength > MaxAnswerBytes)
            {
                return EngineResult<IReadOnlyList<TranscriptSegment>>.Fail(new StageResult.Permanent($"{What} sent an answer larger than {MaxAnswerBytes} bytes"));
            }

            await using var body = await response.Content.ReadAsStreamAsync(linked.Token);
            using var json = await JsonDocument.ParseAsync(body, cancellationToken: linked.Token);
            return VerboseJsonParser.TryParse(json.RootElement, out var segments, out var error)
                ? EngineResult<IReadOnlyList<TranscriptSegment>>.Ok(segments)
                : EngineResult<IReadOnlyList<TranscriptSegment>>.Fail(new StageResult.Permanent(error));
        }
        catch (JsonException)
        {
            return EngineResult<IReadOnlyList<TranscriptSegment>>.Fail(new StageResult.Transient($"{What} sent an answer that is not JSON"));
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return EngineResult<IReadOnlyList<TranscriptSegment>>.Fail(OpenAiHttp.Unreachable(What, ex));
        }
    }
}
