using CallVault.Infrastructure.Http;
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
        // Redirects are followed by hand so every hop's host is checked; connects only to public addresses.
        services.AddHttpClient(TwilioMediaClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .UseOutboundGuard();
        services.AddHttpClient(TwilioRecordingsClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30))
            .UseOutboundGuard();
        services.TryAddSingleton<TwilioMediaClient>();
        services.TryAddSingleton<TwilioRecordingsClient>();
        services.TryAddSingleton<TwilioRecordingLister>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecordingMediaSource, TwilioMediaSource>());
        return services;
    }
}
