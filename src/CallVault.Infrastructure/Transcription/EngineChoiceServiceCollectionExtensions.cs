using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Transcription;

/// <summary>Registration shared by features whose engine is chosen by configuration (transcription, summaries).</summary>
internal static class EngineChoiceServiceCollectionExtensions
{
    /// <summary>
    /// The feature's options bound to <paramref name="section"/> and checked at start-up by <typeparamref name="TValidator"/>,
    /// and the client for OpenAI-compatible servers. The engines follow with <see cref="AddEngine"/>.
    /// </summary>
    public static IServiceCollection AddEngineChoice<TOptions, TValidator>(this IServiceCollection services, string section)
        where TOptions : class, IEngineChoiceOptions
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>()
            .BindConfiguration(section)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        services.AddOpenAiHttpClient();
        return services;
    }

    /// <summary>One engine the configuration can choose; the stage picks it by name from all of them.</summary>
    public static IServiceCollection AddEngine<TEngine, TImplementation>(this IServiceCollection services)
        where TEngine : class
        where TImplementation : class, TEngine
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<TEngine, TImplementation>());
        return services;
    }
}
