namespace CallVault.Infrastructure.Events;

/// <summary>
/// Where changes to recordings and calls are announced for live pages: in-process on SQLite, and on
/// PostgreSQL to every instance sharing the database (<see cref="PostgresEventHub"/>, LISTEN/NOTIFY).
/// </summary>
public interface IEventHub
{
    /// <summary>Announces a change; never blocks and never throws for a slow or gone subscriber.</summary>
    void Publish(ServerEvent serverEvent);

    /// <summary>A bounded feed of every event published from now on; dispose to leave.</summary>
    IEventSubscription Subscribe();
}
