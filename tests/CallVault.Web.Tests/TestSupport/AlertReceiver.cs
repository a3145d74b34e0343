using System.Collections.Concurrent;
using System.Text.Json;
using CallVault.Infrastructure.Tests.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CallVault.Web.Tests.TestSupport;

/// <summary>A loopback HTTP endpoint standing in for a Slack incoming webhook: keeps every JSON body POSTed to it.</summary>
internal sealed class AlertReceiver : IAsyncDisposable
{
    private readonly LoopbackServer _host;

    private AlertReceiver(LoopbackServer host, Uri url, ConcurrentQueue<JsonElement> messages)
    {
        _host = host;
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
        var messages = new ConcurrentQueue<JsonElement>();
        var host = await LoopbackServer.StartAsync(app => app.Run(async context =>
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            messages.Enqueue(body.RootElement.Clone());
            context.Response.StatusCode = StatusCodes.Status200OK;
        }));
        return new AlertReceiver(host, new Uri(host.BaseUrl, "/hooks/alerts"), messages);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
