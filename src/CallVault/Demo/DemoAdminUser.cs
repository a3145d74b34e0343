using System.Security.Cryptography;
using CallVault.Infrastructure.Access;
using Microsoft.Extensions.Hosting;

namespace CallVault.Demo;

/// <summary>
/// <c>serve --demo</c>: creates a dashboard admin for this run and prints how to sign in. A new name
/// each run, so an earlier run's account is never reset behind anyone's back.
/// </summary>
internal sealed class DemoAdminUser(UserAccounts users) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var name = "demo-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2));
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(9));
        if (await users.AddAsync(name, "admin", password, cancellationToken) is not null)
        {
            Console.WriteLine($"Demo dashboard sign-in (this run only): user {name}, password {password}");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
