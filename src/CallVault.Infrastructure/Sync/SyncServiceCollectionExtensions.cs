using CallVault.Infrastructure.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallVault.Infrastructure.Sync;

public static class SyncServiceCollectionExtensions
{
    /// <summary>Provider sync: imports, reconciliation and recovery of unmatched recordings.</summary>
    public static IServiceCollection AddSync(this IServiceCollection services)
    {
        services.AddOptions<ImportOptions>()
            .BindConfiguration(ImportOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<ProviderRecordingImporter>();
        services.TryAddSingleton<ImportRunner>();
        services.TryAddSingleton<ImportStarter>();
        services.TryAddSingleton<InProcessImport>();
        services.TryAddSingleton<RecordingRematcher>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IJobHandler, ImportJobHandler>());
        return services;
    }
}
