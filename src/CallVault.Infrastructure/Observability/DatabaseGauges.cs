using System.Diagnostics.Metrics;
using CallVault.Core.Jobs;
using CallVault.Core.Reconciliation;
using CallVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Observability;

/// <summary>
/// Gauges whose truth is the database (shared by every instance): jobs by state, recordings by
/// status and match method, calls without a recording by direction, orphans from the latest
/// reconciliation. Read before a scrape at most once per <see cref="MetricsOptions.GaugeCacheSeconds"/>.
/// </summary>
public sealed partial class DatabaseGauges
{
    private static readonly string[] ReportedJobStates = ["pending", "running", "dead"];

    private readonly IDbContextFactory<CallVaultDbContext> _contextFactory;
    private readonly IOptions<MetricsOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DatabaseGauges> _logger;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private DatabaseGaugeSnapshot _snapshot = DatabaseGaugeSnapshot.Empty;
    private long? _readAt;

    public DatabaseGauges(IMeterFactory meterFactory, IDbContextFactory<CallVaultDbContext> contextFactory, IOptions<MetricsOptions> options, TimeProvider time, ILogger<DatabaseGauges> logger)
    {
        _contextFactory = contextFactory;
        _options = options;
        _time = time;
        _logger = logger;
        var meter = meterFactory.Create(CallVaultMetrics.MeterName + ".Database");
        meter.CreateObservableGauge("callvault.jobs", () => Each(_snapshot.JobsByState, "state"), description: "Jobs by state: pending (queued or waiting to retry), running, dead (retries exhausted).");
        meter.CreateObservableGauge("callvault.recordings", () => Each(_snapshot.RecordingsByStatus, "status"), description: "Recordings by status (stored, processing, failed, …).");
        meter.CreateObservableGauge("callvault.calls.without_recording", () => Each(_snapshot.CallsWithoutRecordingByDirection, "direction"), description: "Answered calls that ended without any recording, by direction.");
        meter.CreateObservableGauge("callvault.recording.matches", () => Each(_snapshot.RecordingsByMatchMethod, "method"), description: "Recordings by how they were matched to their call.");
        meter.CreateObservableGauge("callvault.orphan_objects", () => _snapshot.OrphanObjects, description: "Stored objects no recording refers to, as of the latest completed reconciliation.");
        meter.CreateObservableGauge("callvault.metrics.database_up", () => _snapshot.DatabaseUp ? 1 : 0, description: "1 when the database gauges were read successfully, 0 when they are stale.");
    }

    /// <summary>Reads the database unless the last read is recent; a failure keeps the old values and reports database_up 0.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_readAt is { } readAt && _time.GetElapsedTime(readAt) < TimeSpan.FromSeconds(_options.Value.GaugeCacheSeconds))
            {
                return;
            }

            try
            {
                _snapshot = await ReadAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogReadFailed(_logger, ex);
                _snapshot = _snapshot with { DatabaseUp = false };
            }

            _readAt = _time.GetTimestamp();
        }
        finally
        {
            _refresh.Release();
        }
    }

    private async Task<DatabaseGaugeSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var jobs = await db.Jobs.AsNoTracking().Where(j => j.State != JobState.Succeeded)
            .GroupBy(j => j.State).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(cancellationToken);
        var jobsByState = ReportedJobStates.ToDictionary(s => s, _ => 0L, StringComparer.Ordinal);
        foreach (var row in jobs)
        {
            jobsByState[row.Key == JobState.Queued ? "pending" : row.Key.ToString().ToLowerInvariant()] = row.Count;
        }

        var recordings = await db.Recordings.AsNoTracking()
            .GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(cancellationToken);
        var missing = await db.Calls.AsNoTracking().Where(c => c.RecordingMissing)
            .GroupBy(c => c.Direction).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(cancellationToken);
        var matches = await db.Recordings.AsNoTracking().Where(r => r.MatchMethod != null)
            .GroupBy(r => r.MatchMethod).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(cancellationToken);
        var orphans = await db.Reconciliations.AsNoTracking().Where(r => r.Status == ReconciliationStatus.Completed)
            .OrderByDescending(r => r.StartedAt).Select(r => (long?)r.OrphanObjects).FirstOrDefaultAsync(cancellationToken);
        return new DatabaseGaugeSnapshot(
            jobsByState,
            recordings.ToDictionary(r => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(r.Key.ToString()), r => r.Count, StringComparer.Ordinal),
            missing.ToDictionary(r => r.Key ?? "unknown", r => r.Count, StringComparer.Ordinal),
            matches.ToDictionary(r => r.Key!, r => r.Count, StringComparer.Ordinal),
            orphans ?? 0,
            DatabaseUp: true);
    }

    private static IEnumerable<Measurement<long>> Each(IReadOnlyDictionary<string, long> values, string label) =>
        values.Select(kv => new Measurement<long>(kv.Value, new KeyValuePair<string, object?>(label, kv.Key)));

    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Could not read the database gauges for /metrics; reporting the last values")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);
}
