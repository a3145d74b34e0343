using CallVault.Core.Pipeline;

namespace CallVault.Infrastructure.Pipeline;

/// <summary>One step of the pipeline. Idempotent: running it again after a crash has the same effect.</summary>
public interface IRecordingStage : IPipelineStage
{
    Task<StageResult> ExecuteAsync(PipelineContext context, CancellationToken cancellationToken);
}
