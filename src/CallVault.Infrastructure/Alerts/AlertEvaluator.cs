using CallVault.Core.Alerts;
using CallVault.Infrastructure.Calls;
using CallVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Alerts;

/// <summary>
/// One alert tick for the whole deployment: evaluate the rules, raise what newly fires (once: at
/// most one open alert per rule and subject), resolve what stopped firing (once), then deliver
/// the messages not yet sent. <see cref="EvaluateAsync"/> is the single entry point, so a
/// cross-instance lease can wrap it as it is.
/// </summary>
public sealed partial class AlertEvaluator(
    IDbContextFactory<CallVaultDbContext> contextFactory,
    AlertNotifier notifier,
    IOptionsMonitor<AlertOptions> options,
    IOptions<CallOptions> callOptions,
    TimeProvider time,
    ILogger<AlertEvaluator> logger)
{
    /// <summary>Samples are kept this many windows, then pruned.</summary>
    private const int SampleRetentionWindows = 4;

    public async Task EvaluateAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var now = time.GetUtcNow().UtcDateTime;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            var conditions = await AlertRules.EvaluateAsync(db, settings, callOptions.Value, now, cancellationToken);
            await ApplyAsync(db, conditions, now, cancellationToken);
            var keepAfter = now - (settings.Window * SampleRetentionWindows);
            await db.OperationalSamples.Where(s => s.RecordedAt < keepAfter).ExecuteDeleteAsync(cancellationToken);
        }

        await DeliverPendingAsync(settings, cancellationToken);
    }

    private async Task ApplyAsync(CallVaultDbContext db, IReadOnlyList<AlertCondition> conditions, DateTime now, CancellationToken cancellationToken)
    {
        var open = await db.Alerts.Where(a => a.ResolvedAt == null).ToListAsync(cancellationToken);
        var firing = conditions.Where(c => c.Firing).ToDictionary(c => (c.Rule, c.Subject));
        foreach (var alert in open)
        {
            if (firing.Remove((alert.Rule, alert.Subject), out var still))
            {
                alert.Value = still.Value;
                alert.UpdatedAt = now;
            }
            else
            {
                alert.ResolvedAt = now;
                alert.UpdatedAt = now;
                LogResolved(logger, alert.Rule, alert.Subject);
            }
        }

        foreach (var condition in firing.Values)
        {
            db.Alerts.Add(new Alert
            {
                Id = Guid.NewGuid(),
                Rule = condition.Rule,
                Subject = condition.Subject,
                Severity = condition.Severity,
                Message = condition.Message,
                Value = condition.Value,
                Threshold = condition.Threshold,
                RaisedAt = now,
                UpdatedAt = now,
            });
            LogRaised(logger, condition.Rule, condition.Subject, condition.Message);
        }

        // Another instance raising the same alert at the same moment loses on the unique index
        // of open alerts: the tick fails and the next one sees the alert already open.
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task DeliverPendingAsync(AlertOptions settings, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var pending = await db.Alerts
            .Where(a => a.RaiseSentAt == null || (a.ResolvedAt != null && a.ResolveSentAt == null))
            .OrderBy(a => a.RaisedAt)
            .ToListAsync(cancellationToken);
        foreach (var alert in pending)
        {
            var now = time.GetUtcNow().UtcDateTime;
            if (settings.Destination is not { } destination)
            {
                // Nothing to send to: kept for the API only, and not sent later if a URL is configured.
                alert.RaiseSentAt ??= now;
                alert.ResolveSentAt ??= alert.ResolvedAt is null ? null : now;
                alert.LastDeliveryError = "no alert webhook configured";
                continue;
            }

            // The raise goes out before the resolve, so a receiver never sees them out of order.
            var resolving = alert.RaiseSentAt is not null;
            alert.DeliveryAttempts++;
            var error = await notifier.SendAsync(destination, alert, resolving, cancellationToken);
            alert.LastDeliveryError = error;
            if (error is not null)
            {
                LogDeliveryFailed(logger, alert.Rule, error);
                break;
            }

            if (resolving)
            {
                alert.ResolveSentAt = now;
            }
            else
            {
                alert.RaiseSentAt = now;
                if (alert.ResolvedAt is not null)
                {
                    alert.DeliveryAttempts++;
                    alert.LastDeliveryError = await notifier.SendAsync(destination, alert, resolved: true, cancellationToken);
                    alert.ResolveSentAt = alert.LastDeliveryError is null ? time.GetUtcNow().UtcDateTime : null;
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "Alert {Rule} {Subject} raised: {Message}")]
    private static partial void LogRaised(ILogger logger, string rule, string subject, string message);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "Alert {Rule} {Subject} resolved")]
    private static partial void LogResolved(ILogger logger, string rule, string subject);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning, Message = "Could not deliver alert {Rule} to the alert webhook, next tick tries again: {Error}")]
    private static partial void LogDeliveryFailed(ILogger logger, string rule, string error);
}
