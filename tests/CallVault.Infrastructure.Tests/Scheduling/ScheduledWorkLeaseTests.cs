using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Scheduling;
using CallVault.Infrastructure.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Tests.Scheduling;

public sealed class ScheduledWorkLeaseTests
{
    [Fact]
    public async Task TryAcquireAsync_TwoInstancesInOneInterval_OnlyTheFirstRunsUntilTheLeaseRunsOut()
    {
        await using var t = await TestServices.StartAsync();
        var factory = t.Get<IDbContextFactory<CallVaultDbContext>>();
        var a = new ScheduledWorkLease(factory, t.Clock);
        var b = new ScheduledWorkLease(factory, t.Clock);
        var interval = TimeSpan.FromMinutes(10);

        var first = await a.TryAcquireAsync("retention", interval, t.Token);
        var second = await b.TryAcquireAsync("retention", interval, t.Token);
        var otherWork = await b.TryAcquireAsync("reconciliation", interval, t.Token);
        t.Clock.Advance(interval);
        var nextInterval = await b.TryAcquireAsync("retention", interval, t.Token);
        var firstAgain = await a.TryAcquireAsync("retention", interval, t.Token);

        Assert.True(first);
        Assert.False(second);
        Assert.True(otherWork);
        Assert.True(nextInterval);
        Assert.False(firstAgain);
    }
}
