using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallVault.Infrastructure.Matching;

public static class MatchingServiceCollectionExtensions
{
    public static IServiceCollection AddMatching(this IServiceCollection services)
    {
        services.AddOptions<MatchingOptions>()
            .BindConfiguration(MatchingOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddMemoryCache(o => o.SizeLimit = 100_000);
        services.TryAddSingleton<TwilioCallLookup>();
        services.TryAddSingleton<RecordingMatcher>();
        return services;
    }
}
