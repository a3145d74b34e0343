using System.Collections.Concurrent;
using CallVault.Infrastructure.Tests.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CallVault.Simulator.Tests.TestSupport;

/// <summary>A tiny Kestrel app that records every POST it receives (URL as requested, form fields, signature).</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly LoopbackServer _host;

    private WebhookReceiver(LoopbackServer host)
    {
        _host = host;
    }

    public Uri BaseUrl => _host.BaseUrl;

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    public static async Task<WebhookReceiver> StartAsync()
    {
        WebhookReceiver? receiver = null;
        var host = await LoopbackServer.StartAsync(app => app.Run(async context =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var request = context.Request;
            var url = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}";
            var fields = form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? string.Empty))).ToList();
            receiver!.Received.Enqueue(new ReceivedWebhook(url, fields, request.Headers["X-Twilio-Signature"].ToString(),
                request.Headers.UserAgent.ToString()));
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        }));
        receiver = new WebhookReceiver(host);
        return receiver;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
