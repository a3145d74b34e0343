using System.Security.Cryptography;
using CallVault.Simulator;
using CallVault.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CallVault.Demo;

/// <summary>
/// <c>serve --demo</c>: CallVault plus an in-process simulated Twilio that places calls and sends
/// real signed webhooks over HTTP, so the whole pipeline runs without an account.
/// </summary>
internal static class DemoMode
{
    public static async Task<int> RunAsync(string[] hostArgs, CancellationToken cancellationToken)
    {
        await using var simulator = await TwilioSimulator.StartAsync(new SimulatorOptions { Seed = Environment.TickCount }, cancellationToken);
        // Real-world roughness from the first call: media answers 404 right after "completed".
        simulator.Faults.NotReadyFirstRequests = 1;

        var generatedKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var app = CallVaultWebApplication.Build(hostArgs, builder =>
        {
            var overrides = new Dictionary<string, string?>
            {
                ["CallVault:Twilio:AccountSid"] = simulator.AccountSid,
                ["CallVault:Twilio:AuthToken"] = simulator.AuthToken,
                ["CallVault:Twilio:ApiBaseUrl"] = simulator.BaseUrl.ToString(),
            };
            if (string.IsNullOrEmpty(builder.Configuration["CallVault:Auth:AdminApiKey"]))
            {
                overrides["CallVault:Auth:AdminApiKey"] = generatedKey;
                Console.WriteLine($"Demo admin API key (this run only): {generatedKey}");
            }

            builder.Configuration.AddInMemoryCollection(overrides);
            builder.Services.AddSingleton(simulator);
            // After the schema migration (the first hosted service), before the calls start.
            builder.Services.AddHostedService<DemoAdminUser>();
            builder.Services.AddHostedService<DemoCallPlacer>();
        });
        await app.RunAsync(cancellationToken);
        return 0;
    }
}
