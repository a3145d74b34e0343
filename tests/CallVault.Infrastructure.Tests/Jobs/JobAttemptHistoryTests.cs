using CallVault.Core.Jobs;
using CallVault.Infrastructure.Jobs;
using CallVault.Infrastructure.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Tests.Jobs;

/// <summary>The database records every claim and its end (script 0011), on SQLite and PostgreSQL alike.</summary>
public sealed class JobAttemptHistoryTests
{
    [Fact]
    public async Task Claims_CompletedRetriedAndTakenOver_EachLeaveOneAttemptWithItsEnd()
    {
        await using var t = await TestServices.StartAsync();
        var id = await t.EnqueueAsync();

        var first = await t.Queue.TryClaimAsync("a", t.Token);
        t.Clock.Advance(TimeSpan.FromSeconds(2));
        await t.Queue.CompleteAsync(first!, new JobOutcome.Retry("again", t.Clock.UtcNow), t.Token);
        var second = await t.Queue.TryClaimAsync("b", t.Token);
        t.Clock.Advance(t.JobOptions.Lease + TimeSpan.FromSeconds(1));
        var third = await t.Queue.TryClaimAsync("c", t.Token);
        t.Clock.Advance(TimeSpan.FromSeconds(1));
        await t.Queue.CompleteAsync(third!, new JobOutcome.Succeeded(), t.Token);
        var attempts = await t.QueryAsync(db => db.JobAttempts.AsNoTracking().Where(a => a.JobId == id).OrderBy(a => a.Id).ToListAsync(t.Token));

        Assert.NotNull(second);
        Assert.Equal(["a", "b", "c"], attempts.Select(a => a.Owner));
        Assert.Equal([nameof(JobState.Queued), null, nameof(JobState.Succeeded)], attempts.Select(a => a.Outcome));
        Assert.Equal(TestServices.Start.UtcDateTime, attempts[0].StartedAt);
        Assert.Equal(TestServices.Start.UtcDateTime.AddSeconds(2), attempts[0].EndedAt);
        Assert.Null(attempts[1].EndedAt); // b's lease ran out: it never ended its attempt
        Assert.True(attempts[2].StartedAt > attempts[1].StartedAt + t.JobOptions.Lease);
        Assert.Equal(attempts[2].StartedAt.AddSeconds(1), attempts[2].EndedAt);
    }
}
