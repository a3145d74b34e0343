using CallVault.Core.Alerts;
using CallVault.Core.Jobs;
using CallVault.Core.Reconciliation;
using CallVault.Core.Recordings;
using CallVault.Core.Sync;
using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Statistics;
using CallVault.Web.Dashboard.Charts;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Web.Dashboard.Pages.Operations;

/// <summary>Pipeline health, recent failures, imports, reconciliations, and two charts.</summary>
internal sealed class IndexModel(CallVaultDbContext db, TimeProvider time) : PageModel
{
    public const int ChartDays = 14;

    public int JobsPending { get; private set; }

    public int JobsFailing { get; private set; }

    public int JobsRunning { get; private set; }

    public int JobsDead { get; private set; }

    public IReadOnlyList<Recording> Failures { get; private set; } = [];

    public IReadOnlyList<Job> DeadJobs { get; private set; } = [];

    public IReadOnlyList<Import> Imports { get; private set; } = [];

    public IReadOnlyList<ReconciliationRun> Reconciliations { get; private set; } = [];

    public ReconciliationRun? LastReconciliation { get; private set; }

    public int CallsWithoutRecording { get; private set; }

    /// <summary>Open alerts first, then the latest resolved ones.</summary>
    public IReadOnlyList<Alert> Alerts { get; private set; } = [];

    public DailyStatusChart Daily { get; private set; } = DailyStatusChart.Build([], DateOnly.MinValue.AddDays(ChartDays), ChartDays);

    public MissingByDirectionChart Missing { get; private set; } = new([]);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Section"] = "operations";
        // A dead job whose recording was retried since and got through needs nobody's attention any more.
        var jobs = await db.Jobs.AsNoTracking()
            .Where(j => j.State == JobState.Queued || j.State == JobState.Running
                || (j.State == JobState.Dead && (j.RecordingId == null || db.Recordings.Any(r => r.Id == j.RecordingId
                    && (r.Status == RecordingStatus.Failed || r.Stages.Any(s => s.Status == StageStatus.Failed))))))
            .GroupBy(j => new { j.State, Retrying = j.Attempts > 0 }).Select(g => new { g.Key.State, g.Key.Retrying, Count = g.Count() })
            .ToListAsync(cancellationToken);
        JobsPending = jobs.Where(j => j.State == JobState.Queued && !j.Retrying).Sum(j => j.Count);
        JobsFailing = jobs.Where(j => j.State == JobState.Queued && j.Retrying).Sum(j => j.Count);
        JobsRunning = jobs.Where(j => j.State == JobState.Running).Sum(j => j.Count);
        JobsDead = jobs.Where(j => j.State == JobState.Dead).Sum(j => j.Count);

        var open = await db.Alerts.AsNoTracking().Where(a => a.ResolvedAt == null).OrderByDescending(a => a.RaisedAt).Take(20).ToListAsync(cancellationToken);
        var resolved = await db.Alerts.AsNoTracking().Where(a => a.ResolvedAt != null).OrderByDescending(a => a.ResolvedAt).Take(5).ToListAsync(cancellationToken);
        Alerts = [.. open, .. resolved];

        Failures = await db.Recordings.AsNoTracking().Include(r => r.Stages)
            .Where(r => r.Status == RecordingStatus.Failed || r.Stages.Any(s => s.Status == StageStatus.Failed))
            .OrderByDescending(r => r.UpdatedAt).Take(15).AsSplitQuery().ToListAsync(cancellationToken);
        DeadJobs = await db.Jobs.AsNoTracking().Where(j => j.State == JobState.Dead && j.RecordingId == null)
            .OrderByDescending(j => j.UpdatedAt).Take(10).ToListAsync(cancellationToken);
        Imports = await db.Imports.AsNoTracking().OrderByDescending(i => i.StartedAt).Take(5).ToListAsync(cancellationToken);
        Reconciliations = await db.Reconciliations.AsNoTracking().OrderByDescending(r => r.StartedAt).Take(5).ToListAsync(cancellationToken);
        LastReconciliation = Reconciliations.FirstOrDefault(r => r.Status == ReconciliationStatus.Completed);

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var since = today.AddDays(1 - ChartDays).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        // Counted by the database: a row per day and status, whatever the number of recordings.
        Daily = DailyStatusChart.Build(await RecordingsPerDay.CountAsync(db, since, cancellationToken), today, ChartDays);

        var byDirection = await db.Calls.AsNoTracking().GroupBy(c => c.Direction)
            .Select(g => new { Direction = g.Key, Total = g.Count(), Missing = g.Count(c => c.RecordingMissing) })
            .ToListAsync(cancellationToken);
        Missing = new MissingByDirectionChart([.. byDirection.OrderBy(d => d.Direction).Select(d => new MissingByDirectionChart.Row(d.Direction ?? "unknown", d.Total, d.Missing))]);
        CallsWithoutRecording = byDirection.Sum(d => d.Missing);
    }
}
