using CallVault.Core.Calls;
using CallVault.Infrastructure.Calls;
using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Scheduling;
using CallVault.Infrastructure.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Tests.Calls;

/// <summary>The sweep checks the calls that ended since its previous run (with an overlap), not the whole archive each minute.</summary>
public sealed class RecordingMissingSweepTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task SweepAsync_AfterTheFirstRun_ChecksOnlyCallsEndedSinceThePreviousRunLessTheOverlap()
    {
        await using var t = await TestServices.StartAsync();
        var now = t.Clock.UtcNow;
        await AddCallAsync(t, "CA-old-unrecorded", now.AddDays(-30));
        await AddCallAsync(t, "CA-recent-ongoing", now.AddMinutes(-5));

        var first = await NewSweep(t).SweepAsync(t.Token);

        // Reported after the first sweep: one ended an hour before it (inside the overlap), one long before it.
        await AddCallAsync(t, "CA-late-report", now.AddHours(-1));
        await AddCallAsync(t, "CA-very-late-report", now.AddDays(-3));
        t.Clock.Advance(TimeSpan.FromMinutes(6));
        var second = await NewSweep(t).SweepAsync(t.Token);

        Assert.Equal(1, first);
        Assert.Equal(2, second);
        Assert.Equal(["CA-late-report", "CA-old-unrecorded", "CA-recent-ongoing"], await MarkedAsync(t));
        // A fresh instance (a restart) carried on from the stored watermark rather than the whole archive.
        Assert.Equal(now.AddMinutes(6) - Grace, await t.QueryAsync(db => ScheduledWatermarks.ReadAsync(db, ScheduledWorkNames.RecordingMissingSweep, t.Token)));
    }

    [Fact]
    public async Task SweepAsync_CallWithARecordingOrNotAnswered_IsNotMarkedInTheWindow()
    {
        await using var t = await TestServices.StartAsync();
        var now = t.Clock.UtcNow;
        await NewSweep(t).SweepAsync(t.Token);
        await AddCallAsync(t, "CA-unanswered", now.AddMinutes(-20), status: "no-answer", durationSeconds: 0);
        var recorded = await AddCallAsync(t, "CA-recorded", now.AddMinutes(-20));
        await t.ChangeAsync(db =>
        {
            db.Recordings.Add(new Core.Recordings.Recording { Provider = "twilio", ProviderRecordingId = "RE-recorded", CallId = recorded, CreatedAt = now, UpdatedAt = now });
            return Task.CompletedTask;
        });
        await AddCallAsync(t, "CA-unrecorded", now.AddMinutes(-20));

        var marked = await NewSweep(t).SweepAsync(t.Token);

        Assert.Equal(1, marked);
        Assert.Equal(["CA-unrecorded"], await MarkedAsync(t));
    }

    private static RecordingMissingSweep NewSweep(TestServices t)
    {
        var factory = t.Get<IDbContextFactory<CallVaultDbContext>>();
        return new RecordingMissingSweep(
            factory, new ScheduledWorkLease(factory, t.Clock), Options.Create(new CallOptions { RecordingGraceSeconds = (int)Grace.TotalSeconds }), t.Clock,
            NullLogger<RecordingMissingSweep>.Instance);
    }

    private static async Task<Guid> AddCallAsync(TestServices t, string sid, DateTime endedAt, string status = "completed", int durationSeconds = 60)
    {
        var call = new Call
        {
            Id = Guid.NewGuid(), Provider = "twilio", ProviderCallId = sid, Direction = "inbound", From = "+14155550100", To = "+14155550199",
            Status = status, StartedAt = endedAt.AddSeconds(-Math.Max(1, durationSeconds)), EndedAt = endedAt, DurationSeconds = durationSeconds,
            CreatedAt = t.Clock.UtcNow, UpdatedAt = t.Clock.UtcNow,
        };
        await t.ChangeAsync(db =>
        {
            db.Calls.Add(call);
            return Task.CompletedTask;
        });
        return call.Id;
    }

    private static Task<List<string>> MarkedAsync(TestServices t) =>
        t.QueryAsync(db => db.Calls.Where(c => c.RecordingMissing).Select(c => c.ProviderCallId).OrderBy(s => s).ToListAsync(t.Token));
}
