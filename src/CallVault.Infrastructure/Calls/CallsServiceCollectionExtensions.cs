using Microsoft.Extensions.DependencyInjection;

namespace CallVault.Infrastructure.Calls;

public static class CallsServiceCollectionExtensions
{
    public static IServiceCollection AddCallOptions(this IServiceCollection services)
    {
        services.AddOptions<CallOptions>()
            .BindConfiguration(CallOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services;
    }

    /// <summary>The periodic check for calls without a recording; only the server runs it.</summary>
    public static IServiceCollection AddRecordingMissingSweep(this IServiceCollection services) =>
        services.AddHostedService<RecordingMissingSweep>();
}
