using CallVault.Infrastructure.Http;
using CallVault.Infrastructure.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallVault.Infrastructure.Twilio;

public static class StartRecordingServiceCollectionExtensions
{
    /// <summary>The Twilio Calls client and the job handler that starts recordings on live calls.</summary>
    public static IServiceCollection AddTwilioRecordingStart(this IServiceCollection services)
    {
        services.AddHttpClient(TwilioCallsClient.HttpClientName, client =>
            {
                client.Timeout = TimeSpan.FromSeconds(15);
                client.MaxResponseContentBufferSize = 256 * 1024;
            })
            .UseOutboundGuard();
        services.TryAddSingleton<TwilioCallsClient>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IJobHandler, StartRecordingJobHandler>());
        return services;
    }
}
