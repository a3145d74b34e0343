using CallVault.Core.Pipeline;
using CallVault.Core.Recordings;

namespace CallVault.Infrastructure.Pipeline;

/// <summary>A stage that works on stored audio or text (transcribe, summarize), in its own job after the audio is stored.</summary>
public interface ITextStage
{
    StageName Name { get; }

    /// <summary>Sets its output on <paramref name="recording"/> when it completes; never changes the stored audio.</summary>
    Task<StageResult> ExecuteAsync(Recording recording, CancellationToken cancellationToken);

    /// <summary>
    /// Why this stage will not run for <paramref name="recording"/> (configuration, no text to work on); null
    /// when it may. Asked as the audio is stored, so a recording with nothing to transcribe or summarize has
    /// its text stages settled in the "stored" commit instead of a job of their own.
    /// </summary>
    string? SkipReason(Recording recording) => null;
}
