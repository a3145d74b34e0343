using CallVault.Core.Calls;
using CallVault.Infrastructure.Jobs;
using CallVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Twilio;

/// <summary>
/// Asks Twilio to record a live call and writes the outcome on the call. "Call no longer in
/// progress" (21220) is an answer, not a failure: the job succeeds with that outcome and is never
/// retried. Throttling and provider errors are retried with the queue's backoff up to
/// <c>Jobs:MaxAttempts</c>, then the start is marked failed and the job dead.
/// </summary>
internal sealed partial class StartRecordingJobHandler(
    IDbContextFactory<CallVaultDbContext> contextFactory,
    TwilioCallsClient client,
    RetryBackoff backoff,
    IOptions<JobOptions> jobOptions,
    TimeProvider time,
    ILogger<StartRecordingJobHandler> logger) : IJobHandler
{
    public string Kind => StartRecordingJob.Kind;

    public async Task<JobOutcome> HandleAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var call = await db.Calls.FirstOrDefaultAsync(c => c.RecordingStartJobId == job.Id, cancellationToken);
        if (call is null || call.RecordingStartStatus != RecordingStartStatus.Queued)
        {
            // Superseded by a newer request, or already answered by an earlier run of this job.
            return JobOutcome.Done;
        }

        if (!Uri.TryCreate(call.RecordingStartCallbackUrl, UriKind.Absolute, out var callback))
        {
            const string reason = "no recording status callback URL was recorded with the request";
            var dead = Finish(call, RecordingStartStatus.Failed, reason, new JobOutcome.Dead(reason));
            await db.SaveChangesAsync(cancellationToken);
            return dead;
        }

        var result = await client.StartRecordingAsync(call.ProviderCallId, callback, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var outcome = result switch
        {
            RecordingStartResult.Started started => Started(call, started.RecordingSid),
            RecordingStartResult.CallNotInProgress gone => Finish(call, RecordingStartStatus.CallNotInProgress, gone.Message, JobOutcome.Done),
            RecordingStartResult.Rejected rejected => Finish(call, RecordingStartStatus.Failed, rejected.Reason, new JobOutcome.Dead(rejected.Reason)),
            RecordingStartResult.Transient transient when job.Attempts < jobOptions.Value.MaxAttempts =>
                Finish(call, RecordingStartStatus.Queued, $"attempt {job.Attempts} failed, retrying: {transient.Reason}",
                    new JobOutcome.Retry(transient.Reason, now + Longest(transient.RetryAfter, backoff.Delay(job.Attempts)))),
            RecordingStartResult.Transient transient => Finish(call, RecordingStartStatus.Failed,
                $"gave up after {job.Attempts} attempts: {transient.Reason}", new JobOutcome.Dead(transient.Reason)),
            _ => throw new InvalidOperationException($"Unexpected result {result.GetType().Name}."),
        };
        await db.SaveChangesAsync(cancellationToken);
        LogOutcome(logger, call.Id, call.RecordingStartStatus!, job.Attempts);
        return outcome;
    }

    private JobOutcome Started(Call call, string recordingSid)
    {
        call.RecordingStartRecordingSid = recordingSid;
        return Finish(call, RecordingStartStatus.Started, $"recording {recordingSid} started on both channels", JobOutcome.Done);
    }

    private JobOutcome Finish(Call call, string status, string detail, JobOutcome outcome)
    {
        var now = time.GetUtcNow().UtcDateTime;
        call.RecordingStartStatus = status;
        call.RecordingStartDetail = detail;
        call.RecordingStartUpdatedAt = now;
        call.UpdatedAt = now;
        return outcome;
    }

    private static TimeSpan Longest(TimeSpan? a, TimeSpan b) => a is { } value && value > b ? value : b;

    [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "Start recording on call {CallId}: {Status} (attempt {Attempt})")]
    private static partial void LogOutcome(ILogger logger, Guid callId, string status, int attempt);
}
