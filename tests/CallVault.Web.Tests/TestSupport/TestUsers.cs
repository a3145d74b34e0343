using CallVault.Infrastructure.Access;
using Microsoft.Extensions.DependencyInjection;

namespace CallVault.Web.Tests.TestSupport;

/// <summary>Creates dashboard users straight through the service the CLI uses, for tests that sign in.</summary>
public static class TestUsers
{
    public const string Password = "correct horse battery staple";

    public static Task CreateUserAsync(this CallVaultTestHost host, string name, string role, string password = Password) =>
        CreateUserAsync(host.Services, name, role, password);

    /// <summary>For any host built by <c>CallVaultWebApplication.Build</c> (the schema must be migrated: the server does it at start).</summary>
    public static async Task CreateUserAsync(IServiceProvider services, string name, string role, string password = Password)
    {
        var created = await services.GetRequiredService<UserAccounts>().AddAsync(name, role, password, CancellationToken.None);
        if (created is null)
        {
            throw new InvalidOperationException($"user '{name}' already exists");
        }
    }
}
