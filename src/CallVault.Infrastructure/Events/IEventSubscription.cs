using System.Threading.Channels;

namespace CallVault.Infrastructure.Events;

/// <summary>One listener's feed. When the listener falls behind, its oldest events are dropped, never the publisher slowed.</summary>
public interface IEventSubscription : IDisposable
{
    ChannelReader<ServerEvent> Reader { get; }
}
