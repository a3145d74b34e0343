using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Media;

public static class MediaServiceCollectionExtensions
{
    /// <summary>ffmpeg/ffprobe: options (<c>CallVault:Media</c>), the tools' location, the process runner and the transcode decision.</summary>
    public static IServiceCollection AddMedia(this IServiceCollection services)
    {
        services.AddOptions<MediaOptions>()
            .BindConfiguration(MediaOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MediaOptions>, MediaOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<FfmpegLocator>();
        services.TryAddSingleton<ProcessRunner>();
        services.TryAddSingleton<Ffprobe>();
        services.TryAddSingleton<TranscodePolicy>();
        services.AddHostedService<MediaStartupCheck>();
        return services;
    }
}
