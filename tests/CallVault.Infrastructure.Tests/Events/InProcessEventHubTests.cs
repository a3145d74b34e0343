using CallVault.Infrastructure.Events;

namespace CallVault.Infrastructure.Tests.Events;

public sealed class InProcessEventHubTests
{
    [Fact]
    public void Publish_SubscriberNeverReads_KeepsOnlyTheNewestAndNeverBlocks()
    {
        var hub = new InProcessEventHub();
        using var stalled = hub.Subscribe();
        var ids = Enumerable.Range(0, InProcessEventHub.Capacity + 50).Select(_ => Guid.NewGuid()).ToList();

        foreach (var id in ids)
        {
            hub.Publish(ServerEvent.CallUpdated(id));
        }

        var kept = new List<Guid?>();
        while (stalled.Reader.TryRead(out var e))
        {
            kept.Add(e.CallId);
        }

        Assert.Equal(ids.TakeLast(InProcessEventHub.Capacity).Cast<Guid?>(), kept);
    }

    [Fact]
    public void Dispose_Subscription_StopsReceivingAndLeavesTheHub()
    {
        var hub = new InProcessEventHub();
        var gone = hub.Subscribe();
        using var staying = hub.Subscribe();

        gone.Dispose();
        hub.Publish(ServerEvent.RecordingStored(Guid.NewGuid(), null));

        Assert.Equal(1, hub.SubscriberCount);
        Assert.True(staying.Reader.TryRead(out var e) && e.Type == ServerEventTypes.RecordingStored);
        Assert.False(gone.Reader.TryRead(out _));
    }
}
