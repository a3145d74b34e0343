using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Alerts;

public static class AlertsServiceCollectionExtensions
{
    public static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        services.AddOptions<AlertOptions>()
            .BindConfiguration(AlertOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AlertOptions>, AlertOptionsValidator>());
        services.TryAddSingleton<AlertSignals>();
        services.TryAddSingleton<AlertSampleRecorder>();
        services.TryAddSingleton<AlertNotifier>();
        services.TryAddSingleton<AlertEvaluator>();
        services.AddHttpClient(AlertNotifier.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        return services;
    }

    /// <summary>The periodic evaluation; only the server runs it.</summary>
    public static IServiceCollection AddAlertSchedule(this IServiceCollection services) =>
        services.AddHostedService<AlertScheduleService>();
}
