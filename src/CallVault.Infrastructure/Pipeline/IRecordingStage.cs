using CallVault.Core.Pipeline;
using CallVault.Core.Recordings;

namespace CallVault.Infrastructure.Pipeline;

/// <summary>One step of the pipeline. Idempotent: running it again after a crash has the same effect.</summary>
public interface IRecordingStage
{
    StageName Name { get; }

    Task<StageResult> ExecuteAsync(PipelineContext context, CancellationToken cancellationToken);
}
