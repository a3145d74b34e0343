using CallVault.Core.Access;
using CallVault.Infrastructure.Access;
using Microsoft.Extensions.DependencyInjection;

namespace CallVault.Cli;

/// <summary>Administrative commands are audited like the API's, with the operating-system user as the actor.</summary>
internal static class CliAudit
{
    public static Task WriteAsync(IServiceProvider services, string action, string target, CancellationToken cancellationToken) =>
        services.GetRequiredService<AdminAuditLog>().WriteAsync(
            new AdminAuditEntry { Actor = $"cli:{Environment.UserName}", Action = action, Target = target, ClientAddress = "local" },
            cancellationToken);
}
