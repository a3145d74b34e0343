using CallVault.Infrastructure.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallVault.Infrastructure.Transcription;

public static class TranscriptionServiceCollectionExtensions
{
    /// <summary>The transcribe stage and its engines (<c>CallVault:Transcription</c>, checked at start-up).</summary>
    public static IServiceCollection AddTranscription(this IServiceCollection services)
    {
        services.AddEngineChoice<TranscriptionOptions, TranscriptionOptionsValidator>(TranscriptionOptions.Section)
            .AddEngine<ITranscriptionEngine, WhisperCppEngine>()
            .AddEngine<ITranscriptionEngine, OpenAiTranscriptionEngine>();
        services.TryAddSingleton<SpeechAudio>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITextStage, TranscribeStage>());
        return services;
    }

    /// <summary>The client for OpenAI-compatible servers: no redirects (the key must not follow one), timeouts set per request.</summary>
    public static IServiceCollection AddOpenAiHttpClient(this IServiceCollection services)
    {
        services.AddHttpClient(OpenAiHttp.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                ConnectTimeout = TimeSpan.FromSeconds(15),
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
        return services;
    }
}
