using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Calls;

/// <summary>
/// Marks answered calls that ended more than the grace period ago without any recording, so a
/// silent loss (say, every inbound call unrecorded) shows the same day. A recording that arrives
/// later clears the mark. With several instances, the holder of the interval's lease sweeps; each sweep
/// carries on from where the previous one (on any instance) stopped.
/// </summary>
internal sealed partial class RecordingMissingSweep(
    IDbContextFactory<CallVaultDbContext> contextFactory,
    ScheduledWorkLease lease,
    IOptions<CallOptions> options,
    TimeProvider time,
    ILogger<RecordingMissingSweep> logger) : BackgroundService
{
    /// <summary>
    /// How far before the previous sweep's cutoff each sweep looks again: a call whose end is reported late
    /// (a delayed status callback, an import) is still checked if it ended within this long before that cutoff.
    /// </summary>
    public static readonly TimeSpan LateReportOverlap = TimeSpan.FromDays(1);

    /// <summary>
    /// Checks the calls that ended since the previous sweep (less <see cref="LateReportOverlap"/>) and at least the
    /// grace period ago; the very first sweep of a database checks every call. Returns how many it marked.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - TimeSpan.FromSeconds(options.Value.RecordingGraceSeconds);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var calls = db.Calls.Where(c => c.EndedAt != null && c.EndedAt < cutoff);
        if (await ScheduledWatermarks.ReadAsync(db, ScheduledWorkNames.RecordingMissingSweep, cancellationToken) is { } previous)
        {
            // A range on IX_Calls_EndedAt: minutes of calls per run instead of the whole archive.
            var since = (previous < cutoff ? previous : cutoff) - LateReportOverlap;
            calls = calls.Where(c => c.EndedAt >= since);
        }

        var marked = await calls
            .Where(c => !c.RecordingMissing && c.Status == "completed" && c.DurationSeconds > 0 && !db.Recordings.Any(r => r.CallId == c.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.RecordingMissing, true), cancellationToken);
        await ScheduledWatermarks.WriteAsync(db, ScheduledWorkNames.RecordingMissingSweep, cutoff, cancellationToken);
        return marked;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.SweepIntervalSeconds);
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            do
            {
                await SweepOnceAsync(interval, stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task SweepOnceAsync(TimeSpan interval, CancellationToken stoppingToken)
    {
        try
        {
            if (!await lease.TryAcquireAsync(ScheduledWorkNames.RecordingMissingSweep, interval, stoppingToken))
            {
                return;
            }

            var marked = await SweepAsync(stoppingToken);
            if (marked > 0)
            {
                LogMarked(logger, marked);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "{Count} answered call(s) ended without a recording")]
    private static partial void LogMarked(ILogger logger, int count);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "Could not check calls for missing recordings")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
