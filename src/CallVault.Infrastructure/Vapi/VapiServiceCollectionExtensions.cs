using CallVault.Infrastructure.Http;
using CallVault.Infrastructure.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Vapi;

public static class VapiServiceCollectionExtensions
{
    /// <summary>Vapi options (validated at start-up), the server-message authenticator and the recording media source.</summary>
    public static IServiceCollection AddVapi(this IServiceCollection services)
    {
        services.AddOptions<VapiOptions>()
            .BindConfiguration(VapiOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VapiOptions>, VapiOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<VapiAuthenticator>();
        services.TryAddSingleton<StreamingDownloader>();
        // Redirects are followed by hand so every hop's host is checked; connects only to public addresses.
        services.AddHttpClient(VapiMediaSource.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .UseOutboundGuard();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecordingMediaSource, VapiMediaSource>());
        return services;
    }
}
