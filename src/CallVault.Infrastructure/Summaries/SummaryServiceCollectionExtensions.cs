using CallVault.Infrastructure.Pipeline;
using CallVault.Infrastructure.Transcription;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallVault.Infrastructure.Summaries;

public static class SummaryServiceCollectionExtensions
{
    /// <summary>The summarize stage and its engines (<c>CallVault:Summary</c>, checked at start-up).</summary>
    public static IServiceCollection AddSummaries(this IServiceCollection services)
    {
        services.AddEngineChoice<SummaryOptions, SummaryOptionsValidator>(SummaryOptions.Section)
            .AddEngine<ISummaryEngine, ExtractiveSummaryEngine>()
            .AddEngine<ISummaryEngine, OpenAiSummaryEngine>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITextStage, SummarizeStage>());
        return services;
    }
}
