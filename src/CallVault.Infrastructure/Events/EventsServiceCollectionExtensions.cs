using CallVault.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Events;

public static class EventsServiceCollectionExtensions
{
    /// <summary>
    /// The hub for the configured database, unless another <see cref="IEventHub"/> was registered
    /// first: on PostgreSQL one that reaches every instance on the database (once
    /// <see cref="AddEventFanOut"/> runs its relay), else the in-process hub.
    /// </summary>
    public static IServiceCollection AddEventHub(this IServiceCollection services)
    {
        services.TryAddSingleton<InProcessEventHub>();
        services.TryAddSingleton<PostgresEventHub>();
        services.TryAddSingleton<IEventHub>(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.IsPostgres
            ? sp.GetRequiredService<PostgresEventHub>()
            : sp.GetRequiredService<InProcessEventHub>());
        return services;
    }

    /// <summary>The server's relay of events to and from the other instances (PostgreSQL only; idle otherwise).</summary>
    public static IServiceCollection AddEventFanOut(this IServiceCollection services)
    {
        services.AddEventHub();
        return services.AddHostedService(sp => sp.GetRequiredService<PostgresEventHub>());
    }
}
