using CallVault.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CallVault.Bench.Hosting;

/// <summary>
/// The hidden child-process entry point: <c>serve-for-bench --kind callvault|bare --urls http://127.0.0.1:0</c>.
/// CallVault settings come from the environment (<c>CallVault__…</c>), as for the real executable. Prints its
/// address on stdout and runs until stdin closes, so the server's memory is measured alone.
/// </summary>
internal static class ServeForBench
{
    public const string Command = "serve-for-bench";
    public const string ListeningPrefix = "BENCH-LISTENING ";

    public static async Task<int> RunAsync(string[] args)
    {
        var parsed = BenchArgs.Parse([Command, .. args]);
        var kind = parsed.String("kind") ?? "callvault";
        var urls = parsed.String("urls") ?? "http://127.0.0.1:0";
        WebApplication app = kind switch
        {
            "callvault" => CallVaultWebApplication.Build([], builder =>
            {
                builder.WebHost.UseUrls(urls);
                builder.Logging.SetMinimumLevel(LogLevel.Warning);
            }),
            "bare" => BuildBare(urls),
            _ => throw new ArgumentException($"Unknown server kind '{kind}'."),
        };

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Console.WriteLine(ListeningPrefix + address);
        Console.Out.Flush();

        // The parent closes stdin to stop us (or dies, which closes it too).
        while (await Console.In.ReadLineAsync() is not null)
        {
        }

        await app.StopAsync();
        await app.DisposeAsync();
        return 0;
    }

    /// <summary>The ceiling: Kestrel reading the same form and answering 204, nothing else.</summary>
    private static WebApplication BuildBare(string urls)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(urls);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.MapPost("/webhooks/twilio/call-status", async (HttpRequest request, CancellationToken cancellationToken) =>
        {
            var form = await request.ReadFormAsync(cancellationToken);
            return form.Count > 0 ? Results.NoContent() : Results.BadRequest();
        });
        return app;
    }
}
