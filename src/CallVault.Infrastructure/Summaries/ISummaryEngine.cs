using CallVault.Core.Recordings;
using CallVault.Infrastructure.Transcription;

namespace CallVault.Infrastructure.Summaries;

/// <summary>Summarizes a recording's transcript.</summary>
internal interface ISummaryEngine
{
    string Name { get; }

    Task<EngineResult<string>> SummarizeAsync(Recording recording, CancellationToken cancellationToken);
}
