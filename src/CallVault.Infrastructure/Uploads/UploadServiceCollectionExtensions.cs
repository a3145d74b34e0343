using CallVault.Infrastructure.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallVault.Infrastructure.Uploads;

public static class UploadServiceCollectionExtensions
{
    /// <summary>Upload options, the staging folder and the media source that feeds staged files to the pipeline.</summary>
    public static IServiceCollection AddUploads(this IServiceCollection services)
    {
        services.AddOptions<UploadOptions>()
            .BindConfiguration(UploadOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<StagedUploads>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecordingMediaSource, UploadMediaSource>());
        return services;
    }

    /// <summary>The periodic removal of staged files whose recording is stored; only the server runs it.</summary>
    public static IServiceCollection AddStagedUploadCleanup(this IServiceCollection services)
    {
        services.TryAddSingleton<StagedUploadCleanup>();
        services.AddHostedService(sp => sp.GetRequiredService<StagedUploadCleanup>());
        return services;
    }
}
