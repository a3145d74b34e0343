using CallVault.Core.Pipeline;
using CallVault.Core.Recordings;

namespace CallVault.Infrastructure.Pipeline;

/// <summary>What every stage, audio or text, tells before it runs.</summary>
public interface IPipelineStage
{
    StageName Name { get; }

    /// <summary>
    /// Why this stage will not run for <paramref name="recording"/> whatever happens before its turn
    /// (configuration, origin, no text to work on); null when it may. Asked ahead of the stage's turn
    /// (<see cref="StageOutcomes.SkipThoseThatWillNotRun"/>), so the skip rides on a save that happens anyway.
    /// </summary>
    string? SkipReason(Recording recording) => null;
}
