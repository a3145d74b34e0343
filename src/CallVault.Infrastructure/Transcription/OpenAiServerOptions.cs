using System.ComponentModel.DataAnnotations;

namespace CallVault.Infrastructure.Transcription;

/// <summary>A server speaking the OpenAI API (OpenAI itself, whisper.cpp's server, faster-whisper servers, LocalAI, …).</summary>
public sealed class OpenAiServerOptions
{
    /// <summary>The API root, ending in <c>/v1</c> (e.g. <c>https://api.openai.com/v1</c>).</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Sent as a bearer token; optional for local servers. Never logged.</summary>
    public string? ApiKey { get; set; }

    public string? Model { get; set; }

    [Range(1, 86_400, ErrorMessage = "TimeoutSeconds must be between 1 and 86400.")]
    public int TimeoutSeconds { get; set; } = 600;

    /// <summary>The URL of <paramref name="path"/> (e.g. <c>audio/transcriptions</c>) under <see cref="BaseUrl"/>.</summary>
    public Uri Endpoint(string path) => new($"{BaseUrl!.TrimEnd('/')}/{path}");

    /// <summary>Problems with this server's settings, each naming its key under <paramref name="section"/>.</summary>
    public IEnumerable<string> Problems(string section)
    {
        if (string.IsNullOrWhiteSpace(BaseUrl))
        {
            yield return $"{section}:BaseUrl is required (the server's API root, e.g. https://api.openai.com/v1).";
        }
        else if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(uri.Query))
        {
            yield return $"{section}:BaseUrl must be an absolute http(s) URL without a query.";
        }

        if (string.IsNullOrWhiteSpace(Model))
        {
            yield return $"{section}:Model is required (e.g. whisper-1 or gpt-4o-mini).";
        }

        if (TimeoutSeconds is < 1 or > 86_400)
        {
            yield return $"{section}:TimeoutSeconds must be between 1 and 86400.";
        }
    }
}
