using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CallVault.Web.Tests.TestSupport;

/// <summary>A loopback HTTP endpoint standing in for a Slack incoming webhook: keeps every JSON body POSTed to it.</summary>
internal sealed class AlertReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AlertReceiver(WebApplication app, Uri url, ConcurrentQueue<JsonElement> messages)
    {
        _app = app;
        Url = url;
        Messages = messages;
    }

    public Uri Url { get; }

    public ConcurrentQueue<JsonElement> Messages { get; }

    /// <summary>Messages about one rule with one status (<c>firing</c> or <c>resolved</c>).</summary>
    public int Count(string rule, string status) =>
        Messages.Count(m => m.GetProperty("rule").GetString() == rule && m.GetProperty("status").GetString() == status);

    public static async Task<AlertReceiver> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        var messages = new ConcurrentQueue<JsonElement>();
        app.Run(async context =>
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            messages.Enqueue(body.RootElement.Clone());
            context.Response.StatusCode = StatusCodes.Status200OK;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new AlertReceiver(app, new Uri(new Uri(address), "/hooks/alerts"), messages);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
