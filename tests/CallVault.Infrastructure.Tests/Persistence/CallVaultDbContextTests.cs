using CallVault.Core.Calls;
using CallVault.Core.Jobs;
using CallVault.Infrastructure.Ingestion;
using CallVault.Infrastructure.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Tests.Persistence;

public sealed class CallVaultDbContextTests
{
    [Fact]
    public async Task DateTimes_ReadBack_HaveKindUtcAndTheSameInstant()
    {
        await using var t = await TestServices.StartAsync();
        var started = new DateTime(2026, 3, 2, 9, 30, 15, 123, DateTimeKind.Utc).AddTicks(4567);
        var ended = started.AddMinutes(3);
        var id = Guid.NewGuid();
        await t.ChangeAsync(db =>
        {
            db.Calls.Add(new Call
            {
                Id = id,
                Provider = "twilio",
                ProviderCallId = TestSids.Call(),
                StartedAt = started,
                EndedAt = ended,
                CreatedAt = started,
                UpdatedAt = started,
            });
            return Task.CompletedTask;
        });

        var call = await t.QueryAsync(db => db.Calls.AsNoTracking().SingleAsync(c => c.Id == id, t.Token));

        // SQLite keeps every tick; PostgreSQL's timestamptz keeps microseconds.
        var precision = t.Database.IsPostgres ? TimeSpan.TicksPerMicrosecond : 1;
        Assert.Equal(DateTimeKind.Utc, call.StartedAt.Kind);
        Assert.Equal(started.AddTicks(-(started.Ticks % precision)), call.StartedAt);
        Assert.NotNull(call.EndedAt);
        Assert.Equal(DateTimeKind.Utc, call.EndedAt.Value.Kind);
        Assert.Equal(ended.AddTicks(-(ended.Ticks % precision)), call.EndedAt.Value);
    }

    [Fact]
    public async Task DateTimes_InQueryFilters_CompareAsUtc()
    {
        await using var t = await TestServices.StartAsync();
        var recording = RecordingFactory.Create("twilio", TestSids.Recording(), t.Clock.UtcNow);
        await t.ChangeAsync(db =>
        {
            db.Recordings.Add(recording);
            return Task.CompletedTask;
        });
        var justBefore = t.Clock.UtcNow.AddTicks(-1);

        var found = await t.QueryAsync(db => db.Recordings.CountAsync(r => r.CreatedAt > justBefore, t.Token));

        Assert.Equal(1, found);
    }

    [Fact]
    public async Task Jobs_WrittenThroughRawSql_ReadBackWithKindUtc()
    {
        await using var t = await TestServices.StartAsync();
        var id = await t.EnqueueAsync();
        await t.Queue.TryClaimAsync("owner-a", t.Token);

        var job = await t.QueryAsync(db => db.Jobs.AsNoTracking().SingleAsync(j => j.Id == id, t.Token));

        Assert.Equal(JobState.Running, job.State);
        Assert.Equal(DateTimeKind.Utc, job.UpdatedAt.Kind);
        Assert.Equal(DateTimeKind.Utc, job.LeaseExpiresAt!.Value.Kind);
        Assert.Equal(t.Clock.UtcNow + t.JobOptions.Lease, job.LeaseExpiresAt.Value);
    }

    [Fact]
    public async Task ForeignKeys_LegPointingAtMissingCall_IsRefused()
    {
        await using var t = await TestServices.StartAsync();

        var save = t.ChangeAsync(db =>
        {
            db.CallLegs.Add(CallResolver.NewLeg(Guid.NewGuid(), "twilio", TestSids.Call(), null, t.Clock.UtcNow));
            return Task.CompletedTask;
        });

        await Assert.ThrowsAsync<DbUpdateException>(() => save);
    }
}
