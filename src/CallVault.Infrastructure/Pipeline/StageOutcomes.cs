using CallVault.Core.Pipeline;
using CallVault.Core.Recordings;
using CallVault.Infrastructure.Jobs;
using CallVault.Infrastructure.Observability;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Pipeline;

/// <summary>
/// Runs one stage of a recording and records what came of it, the same way for the audio stages and
/// the text stages: the stage's status, attempts and last error; a transient failure retried with
/// backoff while attempts remain, then failed for good; the recording's last error; the stage metrics.
/// The only place that turns a <see cref="StageResult"/> into a job outcome.
/// </summary>
internal sealed partial class StageOutcomes(
    RetryBackoff backoff,
    IOptions<JobOptions> jobOptions,
    CallVaultMetrics metrics,
    TimeProvider time,
    ILogger<StageOutcomes> logger)
{
    /// <summary>Marks the stage as running (one more attempt); the caller decides when that is saved.</summary>
    public void Start(Recording recording, RecordingStage state)
    {
        state.Status = StageStatus.Processing;
        state.Attempts++;
        state.UpdatedAt = time.GetUtcNow().UtcDateTime;
        if (recording.Status != RecordingStatus.Stored)
        {
            recording.Status = RecordingStatus.Processing;
        }

        recording.UpdatedAt = state.UpdatedAt;
    }

    /// <summary>
    /// Runs <paramref name="execute"/> and applies its result to the stage; null to go on with the next
    /// stage, or the job's outcome when the run stops here. An exception is a transient failure of the
    /// stage (visible and retried), never a stuck job.
    /// </summary>
    public async Task<JobOutcome?> RunAsync(Recording recording, RecordingStage state, Func<Task<StageResult>> execute)
    {
        var startedAt = time.GetTimestamp();
        StageResult result;
        try
        {
            result = await execute();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            result = new StageResult.Transient($"{ex.GetType().Name}: {ex.Message}");
        }

        return Apply(recording, state, result, time.GetElapsedTime(startedAt));
    }

    /// <summary>Records a stage that will not run for this recording, decided before its turn (counted as a skip all the same).</summary>
    public void Skip(Recording recording, RecordingStage state, string reason) =>
        Apply(recording, state, new StageResult.Skipped(reason), TimeSpan.Zero);

    /// <summary>
    /// Skips, in the order given, each pending stage that says it will not run for this recording
    /// (<see cref="IPipelineStage.SkipReason"/>); in order, so a later stage sees an earlier one's skip.
    /// </summary>
    public void SkipThoseThatWillNotRun(Recording recording, IEnumerable<IPipelineStage> stages)
    {
        foreach (var stage in stages)
        {
            var state = recording.Stage(stage.Name);
            if (state.Status == StageStatus.Pending && stage.SkipReason(recording) is { } reason)
            {
                Skip(recording, state, reason);
            }
        }
    }

    /// <summary>The stage's name as the API and the metrics write it (camelCase).</summary>
    public static string Describe(StageName stage) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(stage.ToString());

    private JobOutcome? Apply(Recording recording, RecordingStage state, StageResult result, TimeSpan elapsed)
    {
        var now = time.GetUtcNow().UtcDateTime;
        state.UpdatedAt = now;
        recording.UpdatedAt = now;
        JobOutcome? outcome = null;
        string measured;
        switch (result)
        {
            case StageResult.Completed:
                state.Status = StageStatus.Completed;
                state.LastError = null;
                measured = "completed";
                break;
            case StageResult.Skipped skipped:
                state.Status = StageStatus.Skipped;
                state.LastError = skipped.Reason;
                measured = "skipped";
                break;
            case StageResult.Transient transient when state.Attempts < jobOptions.Value.MaxAttempts:
                state.Status = StageStatus.Pending;
                state.LastError = transient.Reason;
                recording.LastError = $"{Describe(state.Stage)}: {transient.Reason}";
                LogRetry(logger, recording.Id, state.Stage, state.Attempts, transient.Reason);
                outcome = new JobOutcome.Retry(transient.Reason, now + Max(transient.RetryAfter, backoff.Delay(state.Attempts)));
                measured = "retry";
                break;
            default:
                var reason = result is StageResult.Permanent permanent ? permanent.Reason : ((StageResult.Transient)result).Reason;
                state.Status = StageStatus.Failed;
                state.LastError = reason;
                // A later stage failing leaves stored audio stored; the stage shows the failure.
                if (recording.Status != RecordingStatus.Stored)
                {
                    recording.Status = RecordingStatus.Failed;
                }

                recording.LastError = $"{Describe(state.Stage)}: {reason}";
                LogFailed(logger, recording.Id, state.Stage, state.Attempts, reason);
                outcome = new JobOutcome.Dead(reason);
                measured = "failed";
                break;
        }

        metrics.StageFinished(Describe(state.Stage), measured, elapsed);
        return outcome;
    }

    private static TimeSpan Max(TimeSpan? a, TimeSpan b) => a is { } value && value > b ? value : b;

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Recording {RecordingId}: stage {Stage} attempt {Attempt} failed, will retry: {Reason}")]
    private static partial void LogRetry(ILogger logger, Guid recordingId, StageName stage, int attempt, string reason);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Error, Message = "Recording {RecordingId}: stage {Stage} failed after {Attempt} attempts: {Reason}")]
    private static partial void LogFailed(ILogger logger, Guid recordingId, StageName stage, int attempt, string reason);
}
