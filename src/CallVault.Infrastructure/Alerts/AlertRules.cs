using System.Globalization;
using CallVault.Core.Alerts;
using CallVault.Core.Jobs;
using CallVault.Core.Reconciliation;
using CallVault.Infrastructure.Calls;
using CallVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Alerts;

/// <summary>
/// The alert rules, each read from the database (shared by every instance), so whichever instance
/// evaluates sees the whole deployment.
/// </summary>
internal static class AlertRules
{
    public static async Task<IReadOnlyList<AlertCondition>> EvaluateAsync(
        CallVaultDbContext db, AlertOptions options, CallOptions calls, DateTime now, CancellationToken cancellationToken)
    {
        var since = now - options.Window;
        var window = Describe(options.Window);
        var samples = await db.OperationalSamples.AsNoTracking()
            .Where(s => s.RecordedAt > since)
            .GroupBy(s => s.Signal).Select(g => new { g.Key, Count = g.Sum(s => s.Count) })
            .ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.Ordinal, cancellationToken);
        List<AlertCondition> conditions =
        [
            StoreFailureRate(samples, options, window),
            await RetriesExhaustedAsync(db, options, since, window, cancellationToken),
            await OrphansFoundAsync(db, options, cancellationToken),
            SignatureFailures(samples, options, window),
        ];
        conditions.AddRange(await CallsWithoutRecordingAsync(db, options, calls, now, cancellationToken));
        return conditions;
    }

    private static AlertCondition StoreFailureRate(Dictionary<string, long> samples, AlertOptions options, string window)
    {
        var attempts = samples.GetValueOrDefault(AlertSignals.StoreAttempt);
        var failures = samples.GetValueOrDefault(AlertSignals.StoreFailure);
        var rate = attempts == 0 ? 0 : (double)failures / attempts;
        return new AlertCondition(AlertRuleNames.StoreFailureRate, "", AlertSeverity.Critical,
            attempts >= options.StoreMinAttempts && rate > options.StoreFailureRate, rate, options.StoreFailureRate,
            Invariant($"{failures} of {attempts} storage writes failed in the last {window} ({rate:P1}; alert above {options.StoreFailureRate:P1})."));
    }

    private static async Task<AlertCondition> RetriesExhaustedAsync(CallVaultDbContext db, AlertOptions options, DateTime since, string window, CancellationToken cancellationToken)
    {
        var dead = await db.Jobs.AsNoTracking().CountAsync(j => j.State == JobState.Dead && j.UpdatedAt > since, cancellationToken);
        return new AlertCondition(AlertRuleNames.RetriesExhausted, "", AlertSeverity.Critical, dead >= options.RetriesExhausted, dead, options.RetriesExhausted,
            Invariant($"{dead} job(s) gave up after exhausting their retries in the last {window}; failed recordings can be retried from the API or with `callvault retry`."));
    }

    private static async Task<AlertCondition> OrphansFoundAsync(CallVaultDbContext db, AlertOptions options, CancellationToken cancellationToken)
    {
        var orphans = await db.Reconciliations.AsNoTracking().Where(r => r.Status == ReconciliationStatus.Completed)
            .OrderByDescending(r => r.StartedAt).Select(r => (int?)r.OrphanObjects).FirstOrDefaultAsync(cancellationToken) ?? 0;
        return new AlertCondition(AlertRuleNames.OrphansFound, "", AlertSeverity.Warning, orphans >= options.OrphansFound, orphans, options.OrphansFound,
            Invariant($"The latest reconciliation found {orphans} stored object(s) no recording refers to; `callvault reconcile --delete-orphans` cleans them after the grace period."));
    }

    private static AlertCondition SignatureFailures(Dictionary<string, long> samples, AlertOptions options, string window)
    {
        var failures = samples.GetValueOrDefault(AlertSignals.SignatureFailure);
        return new AlertCondition(AlertRuleNames.SignatureFailures, "", AlertSeverity.Warning, failures >= options.SignatureFailures, failures, options.SignatureFailures,
            Invariant($"{failures} webhook(s) were refused for a missing or wrong signature in the last {window}: a changed auth token, or someone probing the endpoint."));
    }

    private static async Task<IEnumerable<AlertCondition>> CallsWithoutRecordingAsync(
        CallVaultDbContext db, AlertOptions options, CallOptions calls, DateTime now, CancellationToken cancellationToken)
    {
        // Only calls past the recording grace period: a recording may still be on its way for newer ones.
        var decidedBefore = now - TimeSpan.FromSeconds(calls.RecordingGraceSeconds);
        var since = now - TimeSpan.FromSeconds(options.CallsWindowSeconds);
        var rows = await db.Calls.AsNoTracking()
            .Where(c => c.Status == "completed" && c.DurationSeconds > 0 && c.EndedAt != null && c.EndedAt > since && c.EndedAt < decidedBefore)
            .GroupBy(c => c.Direction)
            .Select(g => new { g.Key, Total = g.Count(), Missing = g.Count(c => c.RecordingMissing) })
            .ToListAsync(cancellationToken);
        var window = Describe(TimeSpan.FromSeconds(options.CallsWindowSeconds));
        return rows.Select(r =>
        {
            var rate = (double)r.Missing / r.Total;
            var direction = r.Key ?? "unknown";
            return new AlertCondition(AlertRuleNames.CallsWithoutRecording, direction, AlertSeverity.Critical,
                r.Total >= options.CallsWithoutRecordingMinCalls && rate > options.CallsWithoutRecordingRate, rate, options.CallsWithoutRecordingRate,
                Invariant($"{r.Missing} of {r.Total} answered {direction} calls in the last {window} have no recording ({rate:P1}; alert above {options.CallsWithoutRecordingRate:P1})."));
        });
    }

    private static string Describe(TimeSpan span) =>
        span.TotalHours >= 1 && span.TotalHours % 1 == 0 ? Invariant($"{span.TotalHours:0} h")
        : span.TotalMinutes >= 1 && span.TotalMinutes % 1 == 0 ? Invariant($"{span.TotalMinutes:0} min")
        : Invariant($"{span.TotalSeconds:0} s");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
