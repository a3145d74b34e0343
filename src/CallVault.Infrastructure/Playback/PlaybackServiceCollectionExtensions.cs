using CallVault.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallVault.Infrastructure.Playback;

public static class PlaybackServiceCollectionExtensions
{
    public static IServiceCollection AddPlayback(this IServiceCollection services)
    {
        services.AddOptions<PlaybackOptions>()
            .BindConfiguration(PlaybackOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<ServiceSecretStore>();
        services.TryAddSingleton<PlaybackTokenSigner>();
        services.TryAddSingleton<DownloadAuditLog>();
        return services;
    }
}
