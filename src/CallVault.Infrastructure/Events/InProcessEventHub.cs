using System.Collections.Concurrent;
using System.Threading.Channels;

namespace CallVault.Infrastructure.Events;

/// <summary>
/// Fans events out to the subscribers of this process. Each subscriber has its own bounded channel
/// that drops its oldest event when full, so a stalled browser costs memory bounded by
/// <see cref="Capacity"/> and never delays the pipeline.
/// </summary>
internal sealed class InProcessEventHub : IEventHub
{
    public const int Capacity = 256;

    private readonly ConcurrentDictionary<Subscription, byte> _subscribers = new();

    public int SubscriberCount => _subscribers.Count;

    public void Publish(ServerEvent serverEvent)
    {
        foreach (var subscriber in _subscribers.Keys)
        {
            // DropOldest: TryWrite always succeeds on an open channel.
            subscriber.Channel.Writer.TryWrite(serverEvent);
        }
    }

    public IEventSubscription Subscribe()
    {
        var subscription = new Subscription(this);
        _subscribers.TryAdd(subscription, 0);
        return subscription;
    }

    private sealed class Subscription(InProcessEventHub hub) : IEventSubscription
    {
        public Channel<ServerEvent> Channel { get; } = System.Threading.Channels.Channel.CreateBounded<ServerEvent>(
            new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

        public ChannelReader<ServerEvent> Reader => Channel.Reader;

        public void Dispose()
        {
            hub._subscribers.TryRemove(this, out _);
            Channel.Writer.TryComplete();
        }
    }
}
