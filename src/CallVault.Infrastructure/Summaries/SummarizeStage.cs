using CallVault.Core.Pipeline;
using CallVault.Core.Recordings;
using CallVault.Infrastructure.Pipeline;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Summaries;

/// <summary>
/// Summarizes the transcript with the configured engine. A summary the provider already sent stands;
/// no transcript means nothing to summarize (skipped, with why); an empty summary is a failure.
/// </summary>
internal sealed class SummarizeStage(IOptions<SummaryOptions> options, IEnumerable<ISummaryEngine> engines) : ITextStage
{
    public StageName Name => StageName.Summarize;

    public async Task<StageResult> ExecuteAsync(Recording recording, CancellationToken cancellationToken)
    {
        var name = options.Value.EngineName;
        if (name == SummaryEngines.None)
        {
            return new StageResult.Skipped("summaries are off (CallVault:Summary:Engine is none)");
        }

        if (string.IsNullOrWhiteSpace(recording.TranscriptText))
        {
            var why = recording.Stage(StageName.Transcribe) is { Status: StageStatus.Skipped or StageStatus.Failed } transcribe
                ? $"there is no transcript to summarize (transcribe {transcribe.Status.ToString().ToLowerInvariant()}: {transcribe.LastError})"
                : "there is no transcript to summarize";
            return new StageResult.Skipped(why);
        }

        var result = await engines.First(e => e.Name == name).SummarizeAsync(recording, cancellationToken);
        if (result.Failure is { } failure)
        {
            return failure;
        }

        if (string.IsNullOrWhiteSpace(result.Value))
        {
            return new StageResult.Permanent($"the {name} engine returned an empty summary");
        }

        recording.SummaryEngine = name;
        recording.SummaryText = result.Value;
        return StageResult.Ok;
    }
}
