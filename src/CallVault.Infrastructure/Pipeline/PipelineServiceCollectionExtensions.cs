using CallVault.Infrastructure.Events;
using CallVault.Infrastructure.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace CallVault.Infrastructure.Pipeline;

public static class PipelineServiceCollectionExtensions
{
    public static IServiceCollection AddRecordingPipeline(this IServiceCollection services)
    {
        services.AddEventHub();
        services.AddSingleton<IRecordingStage, DownloadStage>();
        services.AddSingleton<IRecordingStage, ValidateStage>();
        services.AddSingleton<IRecordingStage, TranscodeStage>();
        services.AddSingleton<IRecordingStage, StoreStage>();
        services.AddSingleton<IRecordingStage, ProviderDeleteStage>();
        services.AddSingleton<StageOutcomes>();
        services.AddSingleton<IJobHandler, RecordingPipeline>();
        services.AddSingleton<IJobHandler, RecordingTextPipeline>();
        services.AddSingleton<RecordingRetry>();
        return services;
    }
}
