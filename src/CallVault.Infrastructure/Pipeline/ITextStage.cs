using CallVault.Core.Pipeline;
using CallVault.Core.Recordings;

namespace CallVault.Infrastructure.Pipeline;

/// <summary>A stage that works on stored audio or text (transcribe, summarize), in its own job after the audio is stored.</summary>
public interface ITextStage : IPipelineStage
{
    /// <summary>Sets its output on <paramref name="recording"/> when it completes; never changes the stored audio.</summary>
    Task<StageResult> ExecuteAsync(Recording recording, CancellationToken cancellationToken);
}
