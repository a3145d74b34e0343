using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Alerts;

/// <summary>
/// Every <c>CallVault:Alerts:IntervalSeconds</c>: this instance writes its counts (every instance
/// must), then evaluates the alerts (once across instances is enough: the place for a lease).
/// </summary>
internal sealed partial class AlertScheduleService(
    AlertSampleRecorder recorder,
    AlertEvaluator evaluator,
    IOptions<AlertOptions> options,
    TimeProvider time,
    ILogger<AlertScheduleService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.IntervalSeconds), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await recorder.FlushAsync(stoppingToken);
                    await evaluator.EvaluateAsync(stoppingToken);
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

    [LoggerMessage(EventId = 7104, Level = LogLevel.Error, Message = "Alert evaluation failed; the next tick tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
