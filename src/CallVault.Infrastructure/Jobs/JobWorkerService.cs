using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Jobs;

/// <summary>
/// A few worker loops inside the server. Each claims a job, runs its handler while renewing the
/// lease, and records the outcome. Idle loops sleep until signalled or until the next retry is due.
/// </summary>
internal sealed partial class JobWorkerService(
    JobQueue queue,
    JobSignal signal,
    IEnumerable<IJobHandler> handlers,
    IOptions<JobOptions> options,
    RetryBackoff backoff,
    TimeProvider time,
    ILogger<JobWorkerService> logger) : BackgroundService
{
    private readonly Dictionary<string, IJobHandler> _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);
    private readonly string _instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.Workers).Select(i => RunLoopAsync($"{_instance}/{i}", stoppingToken)));

    private async Task RunLoopAsync(string owner, CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var job = await queue.TryClaimAsync(owner, stoppingToken);
                if (job is null)
                {
                    await WaitForWorkAsync(stoppingToken);
                    continue;
                }

                if (stoppingToken.IsCancellationRequested)
                {
                    // Claimed as the server began to stop: hand it straight back.
                    await queue.ReleaseAsync(job, CancellationToken.None);
                    return;
                }

                await RunAsync(job, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database is unreachable or similar: back off, the jobs stay in the table.
                LogLoopError(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task WaitForWorkAsync(CancellationToken stoppingToken)
    {
        var wait = TimeSpan.FromSeconds(options.Value.IdlePollSeconds);
        var next = await queue.NextRunAfterAsync(stoppingToken);
        if (next is { } due)
        {
            var untilDue = due - time.GetUtcNow().UtcDateTime;
            wait = untilDue < TimeSpan.FromMilliseconds(10) ? TimeSpan.FromMilliseconds(10) : untilDue < wait ? untilDue : wait;
        }

        await signal.WaitAsync(wait, stoppingToken);
    }

    private async Task RunAsync(ClaimedJob job, CancellationToken stoppingToken)
    {
        if (!_handlers.TryGetValue(job.Kind, out var handler))
        {
            await queue.CompleteAsync(job, new JobOutcome.Dead($"No handler for job kind '{job.Kind}'."), CancellationToken.None);
            return;
        }

        using var leaseLost = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var heartbeatStop = new CancellationTokenSource();
        var heartbeat = JobLease.KeepAsync(queue, job, options.Value.Lease, time, leaseLost, heartbeatStop.Token, ex =>
        {
            if (ex is null)
            {
                LogLeaseLost(logger, job.Id);
            }
            else
            {
                LogLoopError(logger, ex);
            }
        });
        JobOutcome? outcome = null;
        try
        {
            outcome = await handler.HandleAsync(job, leaseLost.Token);
        }
        catch (OperationCanceledException) when (leaseLost.IsCancellationRequested)
        {
            // Shutdown or a lost lease: whoever holds the job now finishes it.
        }
        catch (Exception ex)
        {
            LogHandlerError(logger, job.Id, job.Kind, ex);
            outcome = job.Attempts >= options.Value.MaxAttempts * 3
                ? new JobOutcome.Dead($"{ex.GetType().Name}: {ex.Message}")
                : new JobOutcome.Retry($"{ex.GetType().Name}: {ex.Message}", time.GetUtcNow().UtcDateTime + backoff.Delay(job.Attempts));
        }
        finally
        {
            await heartbeatStop.CancelAsync();
            await heartbeat;
        }

        if (outcome is not null)
        {
            LogFinished(logger, job.Id, job.Kind, outcome.GetType().Name);
            if (!await queue.CompleteAsync(job, outcome, CancellationToken.None))
            {
                // Taken over while finishing: the new owner's run decides; ours ends here.
                LogLeaseLost(logger, job.Id);
                await queue.EndLostAttemptAsync(job, CancellationToken.None);
            }
            else if (outcome is JobOutcome.Retry)
            {
                signal.Notify();
            }

            return;
        }

        // Interrupted: by shutdown, a lease taken over, or a heartbeat that could not reach the
        // database. Whichever it was, the job must not stay owned by a worker that stopped on it.
        var handedBack = stoppingToken.IsCancellationRequested
            ? await queue.ReleaseAsync(job, CancellationToken.None)
            : await queue.CompleteAsync(job, new JobOutcome.Retry("The job's lease could not be kept.", time.GetUtcNow().UtcDateTime), CancellationToken.None);
        if (!handedBack)
        {
            await queue.EndLostAttemptAsync(job, CancellationToken.None);
        }
        else if (!stoppingToken.IsCancellationRequested)
        {
            signal.Notify();
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "Job worker loop failed; retrying shortly")]
    private static partial void LogLoopError(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "Job {JobId} ({Kind}) threw; it will be retried")]
    private static partial void LogHandlerError(ILogger logger, long jobId, string kind, Exception exception);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Lease of job {JobId} was lost; abandoning it")]
    private static partial void LogLeaseLost(ILogger logger, long jobId);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Debug, Message = "Job {JobId} ({Kind}) finished: {Outcome}")]
    private static partial void LogFinished(ILogger logger, long jobId, string kind, string outcome);
}
