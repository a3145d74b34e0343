using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallVault.Infrastructure.Waveforms;

public static class WaveformServiceCollectionExtensions
{
    /// <summary>Peaks for drawing waveforms; needs <c>AddMedia</c> and <c>AddRecordingStorage</c>.</summary>
    public static IServiceCollection AddWaveforms(this IServiceCollection services)
    {
        services.TryAddSingleton<WaveformService>();
        return services;
    }
}
