using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallVault.Infrastructure.Events;

public static class EventsServiceCollectionExtensions
{
    /// <summary>The in-process hub, unless another <see cref="IEventHub"/> was registered first.</summary>
    public static IServiceCollection AddEventHub(this IServiceCollection services)
    {
        services.TryAddSingleton<IEventHub, InProcessEventHub>();
        return services;
    }
}
