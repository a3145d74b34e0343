using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallVault.Infrastructure.Jobs;

public static class JobsServiceCollectionExtensions
{
    public static IServiceCollection AddJobQueue(this IServiceCollection services)
    {
        services.AddOptions<JobOptions>()
            .BindConfiguration(JobOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<JobQueueDataSource>();
        services.TryAddSingleton<JobQueue>();
        services.TryAddSingleton<JobSignal>();
        services.TryAddSingleton(_ => new Random());
        services.TryAddSingleton<RetryBackoff>();
        return services;
    }

    /// <summary>
    /// The worker loops; only the server runs them, not one-shot CLI commands. On PostgreSQL also the
    /// relay that wakes them for jobs other instances announce.
    /// </summary>
    public static IServiceCollection AddJobWorkers(this IServiceCollection services) =>
        services.AddHostedService<JobWorkerService>()
            .AddHostedService<PostgresJobSignalRelay>();
}
