using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallVault.Infrastructure.Http;

public static class OutboundServiceCollectionExtensions
{
    public static IServiceCollection AddOutboundGuard(this IServiceCollection services)
    {
        services.AddOptions<OutboundOptions>().BindConfiguration(OutboundOptions.Section);
        services.TryAddSingleton<OutboundAddressGuard>();
        return services;
    }

    /// <summary>The provider client's primary handler: guarded connects, no automatic redirects.</summary>
    public static IHttpClientBuilder UseOutboundGuard(this IHttpClientBuilder builder)
    {
        builder.Services.AddOutboundGuard();
        return builder.ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<OutboundAddressGuard>().CreateHandler());
    }
}
