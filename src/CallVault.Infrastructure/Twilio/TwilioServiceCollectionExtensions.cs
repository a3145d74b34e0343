using CallVault.Infrastructure.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Twilio;

public static class TwilioServiceCollectionExtensions
{
    public static IServiceCollection AddTwilio(this IServiceCollection services)
    {
        services.AddOptions<TwilioOptions>()
            .BindConfiguration(TwilioOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TwilioOptions>, TwilioOptionsValidator>());
        services.AddHttpClient(TwilioMediaClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // Redirects are followed by hand so every hop's host is checked.
                AllowAutoRedirect = false,
                ConnectTimeout = TimeSpan.FromSeconds(15),
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
        services.AddHttpClient(TwilioRecordingsClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.TryAddSingleton<TwilioMediaClient>();
        services.TryAddSingleton<TwilioRecordingsClient>();
        services.TryAddSingleton<TwilioRecordingLister>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecordingMediaSource, TwilioMediaSource>());
        return services;
    }
}
