using CallVault.Core.Pipeline;

namespace CallVault.Infrastructure.Transcription;

/// <summary>What an engine produced, or why not (a transient or permanent <see cref="StageResult"/>).</summary>
public sealed record EngineResult<T>(T? Value, StageResult? Failure)
    where T : class
{
    public static EngineResult<T> Ok(T value) => new(value, null);

    public static EngineResult<T> Fail(StageResult failure) => new(null, failure);
}
