using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallVault.Infrastructure.Retention;

public static class RetentionServiceCollectionExtensions
{
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>()
            .BindConfiguration(RetentionOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<RetentionRunner>();
        return services;
    }

    /// <summary>The periodic run; only the server has it (the CLI's <c>cleanup</c> runs it once).</summary>
    public static IServiceCollection AddRetentionSchedule(this IServiceCollection services) =>
        services.AddHostedService<RetentionService>();
}
