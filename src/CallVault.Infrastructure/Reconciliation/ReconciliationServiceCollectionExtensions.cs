using CallVault.Infrastructure.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallVault.Infrastructure.Reconciliation;

public static class ReconciliationServiceCollectionExtensions
{
    /// <summary>
    /// Reconciliation of provider, database and storage: the <c>reconcile.run</c> job, its starter, and the
    /// schedule (a hosted service: it runs where the host is started — the server — never in one-shot CLI commands).
    /// </summary>
    public static IServiceCollection AddReconciliation(this IServiceCollection services)
    {
        services.AddOptions<ReconciliationOptions>()
            .BindConfiguration(ReconciliationOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<TwilioRecordingProbe>();
        services.TryAddSingleton<RecordingRepairs>();
        services.TryAddSingleton<StoredObjectRepair>();
        services.TryAddSingleton<RecordingKeys>();
        services.TryAddSingleton<ReconciliationImports>();
        services.TryAddSingleton<ProviderComparison>();
        services.TryAddSingleton<StorageComparison>();
        services.TryAddSingleton<ChecksumCheck>();
        services.TryAddSingleton<ReconciliationRunner>();
        services.TryAddSingleton<ReconciliationStarter>();
        services.TryAddSingleton<InProcessReconciliation>();
        services.TryAddSingleton<ReconciliationScheduleService>();
        services.AddHostedService(sp => sp.GetRequiredService<ReconciliationScheduleService>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IJobHandler, ReconciliationJobHandler>());
        return services;
    }
}
