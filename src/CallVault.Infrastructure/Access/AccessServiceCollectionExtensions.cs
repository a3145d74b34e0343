using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallVault.Infrastructure.Access;

public static class AccessServiceCollectionExtensions
{
    /// <summary>API keys, dashboard users and the admin audit trail (shared by the server and the CLI).</summary>
    public static IServiceCollection AddAccess(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ApiKeyStore>();
        services.TryAddSingleton<UserAccounts>();
        services.TryAddSingleton<AdminAuditLog>();
        return services;
    }
}
