using CallVault.Core.Alerts;
using CallVault.Core.Calls;
using CallVault.Core.Jobs;
using CallVault.Core.Reconciliation;
using CallVault.Infrastructure.Alerts;
using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CallVault.Infrastructure.Tests.Alerts;

public sealed class AlertEvaluatorTests
{
    [Fact]
    public async Task Evaluate_InboundCallsMissingRecordings_RaisesForThatDirectionOnceAndResolvesOnce()
    {
        await using var t = await TestServices.StartAsync();
        await AddCallsAsync(t, "inbound", total: 10, missing: 3);
        await AddCallsAsync(t, "outbound", total: 10, missing: 0);
        var evaluator = t.Services.GetRequiredService<AlertEvaluator>();

        await evaluator.EvaluateAsync(t.Token);
        t.Clock.Advance(TimeSpan.FromMinutes(1));
        await evaluator.EvaluateAsync(t.Token);

        var raised = Assert.Single(await AlertsAsync(t));
        Assert.Equal((AlertRuleNames.CallsWithoutRecording, "inbound"), (raised.Rule, raised.Subject));
        Assert.Equal(0.3, raised.Value, 3);
        Assert.Null(raised.ResolvedAt);
        Assert.Equal("no alert webhook configured", raised.LastDeliveryError);

        // The recordings turn up: the calls are no longer missing one.
        await WithDbAsync(t, db => db.Calls.ExecuteUpdateAsync(s => s.SetProperty(c => c.RecordingMissing, false), t.Token));
        await evaluator.EvaluateAsync(t.Token);
        await evaluator.EvaluateAsync(t.Token);

        var resolved = Assert.Single(await AlertsAsync(t));
        Assert.Equal(raised.Id, resolved.Id);
        Assert.NotNull(resolved.ResolvedAt);
    }

    [Fact]
    public async Task Evaluate_SignatureFailureSpike_RaisesThenResolvesWhenTheWindowHasPassed()
    {
        await using var t = await TestServices.StartAsync(new Dictionary<string, string?> { ["CallVault:Alerts:SignatureFailures"] = "5" });
        var signals = t.Services.GetRequiredService<AlertSignals>();
        var recorder = t.Services.GetRequiredService<AlertSampleRecorder>();
        var evaluator = t.Services.GetRequiredService<AlertEvaluator>();
        signals.Add(AlertSignals.SignatureFailure, 4);
        await recorder.FlushAsync(t.Token);
        await evaluator.EvaluateAsync(t.Token);
        Assert.Empty(await AlertsAsync(t));

        signals.Add(AlertSignals.SignatureFailure);
        await recorder.FlushAsync(t.Token);
        await evaluator.EvaluateAsync(t.Token);
        var raised = Assert.Single(await AlertsAsync(t));
        Assert.Equal(AlertRuleNames.SignatureFailures, raised.Rule);
        Assert.Equal(5, raised.Value);

        t.Clock.Advance(TimeSpan.FromMinutes(16));
        await evaluator.EvaluateAsync(t.Token);
        Assert.NotNull(Assert.Single(await AlertsAsync(t)).ResolvedAt);
    }

    [Fact]
    public async Task Evaluate_DeadJobAndOrphansInTheLatestReconciliation_RaiseBothOnce()
    {
        await using var t = await TestServices.StartAsync();
        var now = t.Clock.UtcNow;
        await WithDbAsync(t, db =>
        {
            db.Jobs.Add(new Job { Kind = "process-recording", State = JobState.Dead, Attempts = 8, RunAfter = now, CreatedAt = now, UpdatedAt = now });
            db.Reconciliations.Add(new ReconciliationRun { Id = Guid.NewGuid(), Status = ReconciliationStatus.Completed, OrphanObjects = 2, StartedAt = now, FinishedAt = now });
            return db.SaveChangesAsync(t.Token);
        });
        var evaluator = t.Services.GetRequiredService<AlertEvaluator>();

        await evaluator.EvaluateAsync(t.Token);
        await evaluator.EvaluateAsync(t.Token);

        var alerts = await AlertsAsync(t);
        Assert.Equal([AlertRuleNames.OrphansFound, AlertRuleNames.RetriesExhausted], alerts.Select(a => a.Rule).Order());
        Assert.All(alerts, a => Assert.Null(a.ResolvedAt));
        Assert.Equal(AlertSeverity.Critical, alerts.Single(a => a.Rule == AlertRuleNames.RetriesExhausted).Severity);
    }

    private static async Task AddCallsAsync(TestServices t, string direction, int total, int missing)
    {
        var ended = t.Clock.UtcNow - TimeSpan.FromHours(1);
        await WithDbAsync(t, db =>
        {
            for (var i = 0; i < total; i++)
            {
                db.Calls.Add(new Call
                {
                    Id = Guid.NewGuid(), Provider = "twilio", ProviderCallId = $"CA{Guid.NewGuid():N}", Direction = direction, Status = "completed",
                    StartedAt = ended.AddSeconds(-30), EndedAt = ended, DurationSeconds = 30, RecordingMissing = i < missing, CreatedAt = ended, UpdatedAt = ended,
                });
            }

            return db.SaveChangesAsync(t.Token);
        });
    }

    private static async Task<List<Alert>> AlertsAsync(TestServices t)
    {
        List<Alert> alerts = [];
        await WithDbAsync(t, async db => alerts = await db.Alerts.AsNoTracking().ToListAsync(t.Token));
        return alerts;
    }

    private static async Task WithDbAsync(TestServices t, Func<CallVaultDbContext, Task> action)
    {
        await using var db = await t.Services.GetRequiredService<IDbContextFactory<CallVaultDbContext>>().CreateDbContextAsync(t.Token);
        await action(db);
    }
}
