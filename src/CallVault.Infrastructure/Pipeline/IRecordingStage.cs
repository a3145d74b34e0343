using CallVault.Core.Pipeline;
using CallVault.Core.Recordings;

namespace CallVault.Infrastructure.Pipeline;

/// <summary>One step of the pipeline. Idempotent: running it again after a crash has the same effect.</summary>
public interface IRecordingStage
{
    StageName Name { get; }

    Task<StageResult> ExecuteAsync(PipelineContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Why this stage will not run for <paramref name="recording"/> whatever the stages before it do
    /// (configuration, origin); null when it may. Asked as a run starts, so the skip is saved with the
    /// run's first mark instead of costing a commit of its own at the stage's turn.
    /// </summary>
    string? SkipReason(Recording recording) => null;
}
