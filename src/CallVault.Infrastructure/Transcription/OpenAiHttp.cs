using System.Net.Http.Headers;
using System.Text.Json;
using CallVault.Core.Pipeline;

namespace CallVault.Infrastructure.Transcription;

/// <summary>
/// What an OpenAI-compatible server's answer means for a stage: 429 and 5xx (and timeouts) are worth
/// another try (after <c>Retry-After</c> when given), other refusals are not. Reasons carry the status
/// and the server's own short message, never the request's key.
/// </summary>
internal static class OpenAiHttp
{
    /// <summary>The named client for OpenAI-compatible servers (no redirects: the key must not follow one).</summary>
    public const string HttpClientName = "openai-compatible";

    private const int MaxMessageChars = 200;
    private const int MaxErrorBodyBytes = 16 * 1024;

    public static void Authorize(HttpRequestMessage request, string? apiKey)
    {
        if (!string.IsNullOrEmpty(apiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }
    }

    /// <summary>The failure a non-success answer stands for.</summary>
    public static async Task<StageResult> FailureAsync(string what, HttpResponseMessage response, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var message = await ErrorMessageAsync(response, cancellationToken);
        var reason = message is null ? $"{what} answered {status}" : $"{what} answered {status}: {message}";
        return status switch
        {
            408 or 409 or 429 or >= 500 => new StageResult.Transient(reason, RetryAfter(response, now)),
            _ => new StageResult.Permanent(reason),
        };
    }

    public static StageResult Unreachable(string what, Exception exception) =>
        new StageResult.Transient($"{what} could not be reached: {exception.GetType().Name}");

    /// <summary><c>Retry-After</c> as seconds or as a date, null when absent.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date && date > now ? date - now : null;
    }

    /// <summary><c>error.message</c> of an OpenAI error body, cut short; null when there is none.</summary>
    private static async Task<string?> ErrorMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[MaxErrorBodyBytes];
            var read = await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            using var json = JsonDocument.Parse(buffer.AsMemory(0, read));
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("error", out var error)
                && (error.ValueKind == JsonValueKind.String ? error : error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m) ? m : default) is { ValueKind: JsonValueKind.String } text)
            {
                var value = text.GetString()!.ReplaceLineEndings(" ").Trim();
                return value.Length <= MaxMessageChars ? value : string.Concat(value.AsSpan(0, MaxMessageChars), "…");
            }
        }
        catch (Exception ex) when (ex is JsonException or HttpRequestException or IOException)
        {
            // Not an OpenAI error body: the status alone is the reason.
        }

        return null;
    }
}
