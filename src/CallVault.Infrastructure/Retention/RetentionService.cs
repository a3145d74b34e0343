using CallVault.Infrastructure.Scheduling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Retention;

/// <summary>
/// Runs retention every interval while the server runs; with several instances, the one holding the
/// interval's <see cref="ScheduledWorkLease"/> runs it (the run is idempotent, so an overlap is harmless).
/// </summary>
internal sealed partial class RetentionService(
    RetentionRunner runner,
    ScheduledWorkLease lease,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<RetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Days <= 0)
        {
            return;
        }

        var interval = TimeSpan.FromMinutes(options.Value.IntervalMinutes);
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            do
            {
                try
                {
                    if (await lease.TryAcquireAsync(ScheduledWorkNames.Retention, interval, stoppingToken))
                    {
                        await runner.RunOnceAsync(stoppingToken);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(EventId = 2202, Level = LogLevel.Error, Message = "Retention run failed; it runs again next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
