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

    public string? SkipReason(Recording recording)
    {
        if (options.Value.EngineName == SummaryEngines.None)
        {
            return "summaries are off (CallVault:Summary:Engine is none)";
        }

        // Only once transcribe has settled without text: a pending transcript may still come.
        return string.IsNullOrWhiteSpace(recording.TranscriptText) && recording.Stage(StageName.Transcribe) is { Status: StageStatus.Skipped or StageStatus.Failed } transcribe
            ? $"there is no transcript to summarize (transcribe {transcribe.Status.ToString().ToLowerInvariant()}: {transcribe.LastError})"
            : null;
    }

    public async Task<StageResult> ExecuteAsync(Recording recording, CancellationToken cancellationToken)
    {
        if (SkipReason(recording) is { } reason)
        {
            return new StageResult.Skipped(reason);
        }

        if (string.IsNullOrWhiteSpace(recording.TranscriptText))
        {
            return new StageResult.Skipped("there is no transcript to summarize");
        }

        var name = options.Value.EngineName;
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
