using CallVault.Core.Recordings;
using CallVault.Core.Transcripts;
using CallVault.Infrastructure.Transcription;

namespace CallVault.Infrastructure.Summaries;

/// <summary>Built in, offline and deterministic: quotes the transcript's most informative sentences (<see cref="ExtractiveSummary"/>).</summary>
internal sealed class ExtractiveSummaryEngine : ISummaryEngine
{
    public string Name => SummaryEngines.Extractive;

    public Task<EngineResult<string>> SummarizeAsync(Recording recording, CancellationToken cancellationToken) =>
        Task.FromResult(EngineResult<string>.Ok(ExtractiveSummary.Summarize(recording.TranscriptText ?? string.Empty)));
}
