using CallVault.Infrastructure.Pipeline;
using CallVault.Infrastructure.Transcription;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Summaries;

public static class SummaryServiceCollectionExtensions
{
    /// <summary>The summarize stage and its engines (<c>CallVault:Summary</c>, checked at start-up).</summary>
    public static IServiceCollection AddSummaries(this IServiceCollection services)
    {
        services.AddOptions<SummaryOptions>()
            .BindConfiguration(SummaryOptions.Section)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SummaryOptions>, SummaryOptionsValidator>());
        services.AddOpenAiHttpClient();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISummaryEngine, ExtractiveSummaryEngine>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISummaryEngine, OpenAiSummaryEngine>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITextStage, SummarizeStage>());
        return services;
    }
}
