using CallVault.Core.Reconciliation;
using CallVault.Infrastructure.Scheduling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Reconciliation;

/// <summary>
/// The scheduled reconciliation (on by default, every <c>CallVault:Reconciliation:IntervalMinutes</c>):
/// imports what the webhook path missed and resumes interrupted stores, reports everything else. Every
/// instance ticks, but a run is only started when none started within the interval (the table decides),
/// so several instances start one between them, and a restart neither repeats nor postpones a run. A
/// fresh installation's first run is one interval after start-up. With several instances, only the
/// holder of the tick's <see cref="ScheduledWorkLease"/> looks, so two never decide at the same moment.
/// </summary>
internal sealed partial class ReconciliationScheduleService(
    ReconciliationStarter starter,
    ScheduledWorkLease lease,
    IOptions<ReconciliationOptions> options,
    TimeProvider time,
    ILogger<ReconciliationScheduleService> logger) : BackgroundService
{
    /// <summary>How often the table is looked at, at most: a restarted server resumes a long interval soon.</summary>
    private static readonly TimeSpan MaxTick = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Interval is not { } interval)
        {
            return;
        }

        var startedAt = time.GetTimestamp();
        var tick = interval < MaxTick ? interval : MaxTick;
        using var timer = new PeriodicTimer(tick, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    if (!await lease.TryAcquireAsync(ScheduledWorkNames.Reconciliation, tick, stoppingToken))
                    {
                        continue;
                    }

                    await TickAsync(interval, onlyAfterEarlierRun: time.GetElapsedTime(startedAt) < interval, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>
    /// Starts the scheduled run unless one started within <paramref name="interval"/>; the run, or null
    /// when skipped. <paramref name="onlyAfterEarlierRun"/>: only when some run happened before (so a
    /// restarted server picks up the schedule at once, while a fresh one waits one interval).
    /// </summary>
    public async Task<ReconciliationRun?> TickAsync(TimeSpan interval, bool onlyAfterEarlierRun, CancellationToken cancellationToken)
    {
        var request = new ReconciliationRequest(ReconciliationRepair.Missed, DeleteOrphans: false,
            ReconciliationRequest.DefaultOrphanGraceSeconds, options.Value.ChecksumSample);
        var run = await starter.StartUnlessRecentAsync(request, "schedule", interval, onlyAfterEarlierRun, cancellationToken);
        if (run is not null)
        {
            LogStarted(logger, run.Id);
        }

        return run;
    }

    [LoggerMessage(EventId = 5203, Level = LogLevel.Information, Message = "Scheduled reconciliation {ReconciliationId} queued")]
    private static partial void LogStarted(ILogger logger, Guid reconciliationId);

    [LoggerMessage(EventId = 5204, Level = LogLevel.Error, Message = "Could not queue the scheduled reconciliation; the next interval tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
