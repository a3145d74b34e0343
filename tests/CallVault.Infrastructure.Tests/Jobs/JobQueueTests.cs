using System.Collections.Concurrent;
using CallVault.Core.Jobs;
using CallVault.Infrastructure.Jobs;
using CallVault.Infrastructure.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Tests.Jobs;

public sealed class JobQueueTests
{
    private static readonly Dictionary<string, string?> Settings = new() { ["CallVault:Jobs:LeaseSeconds"] = "30" };

    [Fact]
    public async Task TryClaimAsync_QueuedJob_TakesLeaseAndCountsFirstAttempt()
    {
        await using var t = await TestServices.StartAsync(Settings);
        var id = await t.EnqueueAsync("test.kind");

        var claimed = await t.Queue.TryClaimAsync("owner-a", t.Token);

        Assert.NotNull(claimed);
        Assert.Equal(new ClaimedJob(id, "test.kind", null, 1, "owner-a"), claimed);
        var row = await LoadAsync(t, id);
        Assert.Equal(JobState.Running, row.State);
        Assert.Equal("owner-a", row.LeaseOwner);
        Assert.Equal(t.Clock.UtcNow.AddSeconds(30), row.LeaseExpiresAt);
        Assert.Null(await t.Queue.TryClaimAsync("owner-b", t.Token));
    }

    [Fact]
    public async Task TryClaimAsync_EmptyQueue_ReturnsNull()
    {
        await using var t = await TestServices.StartAsync(Settings);

        Assert.Null(await t.Queue.TryClaimAsync("owner-a", t.Token));
    }

    [Fact]
    public async Task TryClaimAsync_TwoOwnersRacingOverFiftyJobs_ClaimEveryJobExactlyOnce()
    {
        await using var t = await TestServices.StartAsync(Settings);
        var ids = new List<long>();
        for (var i = 0; i < 50; i++)
        {
            ids.Add(await t.EnqueueAsync());
        }

        var claims = new ConcurrentBag<ClaimedJob>();
        var attempts = Enumerable.Range(0, 160).Select(i => Task.Run(async () =>
        {
            if (await t.Queue.TryClaimAsync(i % 2 == 0 ? "owner-a" : "owner-b", t.Token) is { } job)
            {
                claims.Add(job);
            }
        }));
        await Task.WhenAll(attempts);

        Assert.Equal(50, claims.Count);
        Assert.Equal(ids.Order(), claims.Select(c => c.Id).Order());
        Assert.All(claims, c => Assert.Equal(1, c.Attempts));
        var rows = await t.QueryAsync(db => db.Jobs.AsNoTracking().ToListAsync(t.Token));
        Assert.All(rows, r => Assert.Equal(JobState.Running, r.State));
        Assert.All(rows, r => Assert.Equal(claims.Single(c => c.Id == r.Id).Owner, r.LeaseOwner));
        Assert.Contains(claims, c => c.Owner == "owner-a");
        Assert.Contains(claims, c => c.Owner == "owner-b");
    }

    [Fact]
    public async Task TryClaimAsync_RunAfterInTheFuture_NotClaimableUntilTheClockReachesIt()
    {
        await using var t = await TestServices.StartAsync(Settings);
        var id = await t.EnqueueAsync(runAfter: t.Clock.UtcNow.AddSeconds(30));

        var early = await t.Queue.TryClaimAsync("owner-a", t.Token);
        t.Clock.Advance(TimeSpan.FromSeconds(29.999));
        var almost = await t.Queue.TryClaimAsync("owner-a", t.Token);
        t.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var due = await t.Queue.TryClaimAsync("owner-a", t.Token);

        Assert.Null(early);
        Assert.Null(almost);
        Assert.Equal(id, due?.Id);
    }

    [Fact]
    public async Task TryClaimAsync_OlderRunAfterFirst_ClaimsInRunAfterOrder()
    {
        await using var t = await TestServices.StartAsync(Settings);
        var later = await t.EnqueueAsync(runAfter: t.Clock.UtcNow.AddSeconds(-1));
        var earlier = await t.EnqueueAsync(runAfter: t.Clock.UtcNow.AddSeconds(-5));

        var first = await t.Queue.TryClaimAsync("owner-a", t.Token);
        var second = await t.Queue.TryClaimAsync("owner-a", t.Token);

        Assert.Equal(earlier, first?.Id);
        Assert.Equal(later, second?.Id);
    }

    [Fact]
    public async Task TryClaimAsync_RunningJobWhoseLeaseExpired_IsClaimedByAnotherOwnerWithAttemptsIncremented()
    {
        await using var t = await TestServices.StartAsync(Settings);
        var id = await t.EnqueueAsync();
        var first = await t.Queue.TryClaimAsync("owner-a", t.Token);

        t.Clock.Advance(TimeSpan.FromSeconds(30));
        var atExpiry = await t.Queue.TryClaimAsync("owner-b", t.Token);
        t.Clock.Advance(TimeSpan.FromSeconds(1));
        var afterExpiry = await t.Queue.TryClaimAsync("owner-b", t.Token);

        Assert.Equal(1, first?.Attempts);
        Assert.Null(atExpiry);
        Assert.NotNull(afterExpiry);
        Assert.Equal(id, afterExpiry.Id);
        Assert.Equal("owner-b", afterExpiry.Owner);
        Assert.Equal(2, afterExpiry.Attempts);
        var row = await LoadAsync(t, id);
        Assert.Equal("owner-b", row.LeaseOwner);
        Assert.Equal(2, row.Attempts);
        Assert.Equal(t.Clock.UtcNow.AddSeconds(30), row.LeaseExpiresAt);
    }

    [Fact]
    public async Task TryClaimAsync_OrphanedJobAndNewerQueuedJobs_TakesTheOrphanFirstThenTheQueueInOrder()
    {
        await using var t = await TestServices.StartAsync(Settings);
        var orphan = await t.EnqueueAsync(runAfter: t.Clock.UtcNow.AddSeconds(-10));
        Assert.Equal(orphan, (await t.Queue.TryClaimAsync("died", t.Token))?.Id);
        var queued = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            queued.Add(await t.EnqueueAsync(runAfter: t.Clock.UtcNow.AddSeconds(i - 5)));
        }

        t.Clock.Advance(TimeSpan.FromSeconds(31));
        var claimed = new List<long>();
        while (await t.Queue.TryClaimAsync("alive", t.Token) is { } job)
        {
            claimed.Add(job.Id);
        }

        // The orphan's RunAfter is the oldest: taken over first, then every queued job once, oldest first.
        Assert.Equal([orphan, .. queued], claimed);
    }

    [Fact]
    public async Task CompleteAsync_OldOwnerAfterAnotherTookTheJob_ReturnsFalseAndChangesNothing()
    {
        await using var t = await TestServices.StartAsync(Settings);
        var id = await t.EnqueueAsync();
        var stale = (await t.Queue.TryClaimAsync("owner-a", t.Token))!;
        t.Clock.Advance(TimeSpan.FromSeconds(31));
        var current = (await t.Queue.TryClaimAsync("owner-b", t.Token))!;
        var before = await LoadAsync(t, id);
        t.Clock.Advance(TimeSpan.FromSeconds(1));

        var done = await t.Queue.CompleteAsync(stale, JobOutcome.Done, t.Token);
        var dead = await t.Queue.CompleteAsync(stale, new JobOutcome.Dead("stale"), t.Token);
        var renewed = await t.Queue.RenewAsync(stale, t.Token);
        var released = await t.Queue.ReleaseAsync(stale, t.Token);

        Assert.False(done);
        Assert.False(dead);
        Assert.False(renewed);
        Assert.False(released);
        var after = await LoadAsync(t, id);
        Assert.Equivalent(before, after, strict: true);
        Assert.True(await t.Queue.CompleteAsync(current, JobOutcome.Done, t.Token));
        Assert.Equal(JobState.Succeeded, (await LoadAsync(t, id)).State);
    }

    [Fact]
    public async Task CompleteAsync_Succeeded_ClearsLeaseAndIsNeverClaimedAgain()
    {
        await using var t = await TestServices.StartAsync(Settings);
        var id = await t.EnqueueAsync();
        var job = (await t.Queue.TryClaimAsync("owner-a", t.Token))!;

        var completed = await t.Queue.CompleteAsync(job, JobOutcome.Done, t.Token);
        t.Clock.Advance(TimeSpan.FromDays(1));

        Assert.True(completed);
        var row = await LoadAsync(t, id);
        Assert.Equal(JobState.Succeeded, row.State);
        Assert.Null(row.LeaseOwner);
        Assert.Null(row.LeaseExpiresAt);
        Assert.Null(row.LastError);
        Assert.Null(await t.Queue.TryClaimAsync("owner-b", t.Token));
    }

    [Fact]
    public async Task CompleteAsync_Retry_QueuesTheJobAtRunAfterWithLastError()
    {
        await using var t = await TestServices.StartAsync(Settings);
        var id = await t.EnqueueAsync();
        var job = (await t.Queue.TryClaimAsync("owner-a", t.Token))!;
        var at = t.Clock.UtcNow.AddMinutes(2);

        var completed = await t.Queue.CompleteAsync(job, new JobOutcome.Retry("provider answered 503", at), t.Token);

        Assert.True(completed);
        var row = await LoadAsync(t, id);
        Assert.Equal(JobState.Queued, row.State);
        Assert.Equal(at, row.RunAfter);
        Assert.Equal("provider answered 503", row.LastError);
        Assert.Null(row.LeaseOwner);
        Assert.Null(row.LeaseExpiresAt);
        Assert.Equal(1, row.Attempts);
        Assert.Null(await t.Queue.TryClaimAsync("owner-b", t.Token));
        t.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(2, (await t.Queue.TryClaimAsync("owner-b", t.Token))?.Attempts);
    }

    [Fact]
    public async Task CompleteAsync_Dead_MarksDeadWithReasonAndIsNeverClaimedAgain()
    {
        await using var t = await TestServices.StartAsync(Settings);
        var id = await t.EnqueueAsync();
        var job = (await t.Queue.TryClaimAsync("owner-a", t.Token))!;

        var completed = await t.Queue.CompleteAsync(job, new JobOutcome.Dead("gave up"), t.Token);
        t.Clock.Advance(TimeSpan.FromDays(1));

        Assert.True(completed);
        var row = await LoadAsync(t, id);
        Assert.Equal(JobState.Dead, row.State);
        Assert.Equal("gave up", row.LastError);
        Assert.Null(row.LeaseOwner);
        Assert.Null(await t.Queue.TryClaimAsync("owner-b", t.Token));
    }

    [Fact]
    public async Task RenewAsync_Holder_ExtendsTheLeaseSoOthersCannotTakeIt()
    {
        await using var t = await TestServices.StartAsync(Settings);
        var id = await t.EnqueueAsync();
        var job = (await t.Queue.TryClaimAsync("owner-a", t.Token))!;
        t.Clock.Advance(TimeSpan.FromSeconds(20));

        var renewed = await t.Queue.RenewAsync(job, t.Token);
        t.Clock.Advance(TimeSpan.FromSeconds(20));
        var whileRenewed = await t.Queue.TryClaimAsync("owner-b", t.Token);
        t.Clock.Advance(TimeSpan.FromSeconds(11));
        var afterRenewedExpiry = await t.Queue.TryClaimAsync("owner-b", t.Token);

        Assert.True(renewed);
        Assert.Null(whileRenewed);
        Assert.Equal(id, afterRenewedExpiry?.Id);
    }

    [Fact]
    public async Task RenewAsync_Holder_WritesNewExpiry()
    {
        await using var t = await TestServices.StartAsync(Settings);
        var id = await t.EnqueueAsync();
        var job = (await t.Queue.TryClaimAsync("owner-a", t.Token))!;
        t.Clock.Advance(TimeSpan.FromSeconds(20));

        Assert.True(await t.Queue.RenewAsync(job, t.Token));

        Assert.Equal(t.Clock.UtcNow.AddSeconds(30), (await LoadAsync(t, id)).LeaseExpiresAt);
    }

    [Fact]
    public async Task RenewAsync_NotTheHolder_ReturnsFalse()
    {
        await using var t = await TestServices.StartAsync(Settings);
        await t.EnqueueAsync();
        var job = (await t.Queue.TryClaimAsync("owner-a", t.Token))!;

        var renewed = await t.Queue.RenewAsync(job with { Owner = "owner-b" }, t.Token);

        Assert.False(renewed);
    }

    [Fact]
    public async Task ReleaseAsync_Holder_MakesTheJobClaimableAtOnceWithoutSpendingAnAttempt()
    {
        await using var t = await TestServices.StartAsync(Settings);
        var id = await t.EnqueueAsync();
        var job = (await t.Queue.TryClaimAsync("owner-a", t.Token))!;

        var released = await t.Queue.ReleaseAsync(job, t.Token);
        var row = await LoadAsync(t, id);
        var again = await t.Queue.TryClaimAsync("owner-b", t.Token);

        Assert.True(released);
        Assert.Equal(JobState.Queued, row.State);
        Assert.Equal(0, row.Attempts);
        Assert.Null(row.LeaseOwner);
        Assert.Equal(t.Clock.UtcNow, row.RunAfter);
        Assert.Equal(id, again?.Id);
        Assert.Equal(1, again?.Attempts);
    }

    [Fact]
    public async Task NextRunAfterAsync_QueuedAndOtherJobs_ReturnsEarliestQueuedRunAfter()
    {
        await using var t = await TestServices.StartAsync(Settings);
        var empty = await t.Queue.NextRunAfterAsync(t.Token);
        var now = t.Clock.UtcNow;
        await t.EnqueueAsync(runAfter: now.AddSeconds(10));
        await t.EnqueueAsync(runAfter: now.AddSeconds(5));
        var deadId = await t.EnqueueAsync(runAfter: now.AddSeconds(-60));
        await t.ChangeAsync(async db => (await db.Jobs.SingleAsync(j => j.Id == deadId, t.Token)).State = JobState.Dead);

        var next = await t.Queue.NextRunAfterAsync(t.Token);

        Assert.Null(empty);
        Assert.Equal(now.AddSeconds(5), next);
    }

    private static Task<Job> LoadAsync(TestServices t, long id) =>
        t.QueryAsync(db => db.Jobs.AsNoTracking().SingleAsync(j => j.Id == id, t.Token));
}
