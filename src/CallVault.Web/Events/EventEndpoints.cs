using System.Text.Json;
using CallVault.Infrastructure.Events;
using CallVault.Web.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace CallVault.Web.Events;

/// <summary>
/// <c>GET /api/events</c>: Server-Sent Events for live pages. Each connection reads its own bounded
/// subscription (oldest dropped when it falls behind); a comment every few seconds keeps proxies
/// from closing an idle stream and lets a dead client be noticed.
/// </summary>
internal static class EventEndpoints
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapEventEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/events", StreamAsync).WithTags("Events").RequireAuthorization(Roles.CanView)
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        return app;
    }

    private static async Task StreamAsync(HttpContext context, IEventHub hub, TimeProvider time, IHostApplicationLifetime lifetime, CancellationToken requestAborted)
    {
        // A stream never ends by itself: close it when the server stops, so shutdown does not wait for it
        // and browsers reconnect (and catch up) as soon as the server is back.
        using var stream = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, lifetime.ApplicationStopping);
        var cancellationToken = stream.Token;
        using var subscription = hub.Subscribe();
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        // Browsers reconnect on their own; this asks them to do so quickly after a restart.
        await response.WriteAsync("retry: 2000\n: connected\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);

        var reader = subscription.Reader;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                using var quiet = new CancellationTokenSource(Heartbeat, time);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, quiet.Token);
                bool ready;
                try
                {
                    ready = await reader.WaitToReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    await response.WriteAsync($": ping {time.GetUtcNow():O}\n\n", cancellationToken);
                    await response.Body.FlushAsync(cancellationToken);
                    continue;
                }

                if (!ready)
                {
                    return;
                }

                while (reader.TryRead(out var item))
                {
                    var data = JsonSerializer.Serialize(new EventData(item.RecordingId, item.CallId, item.Status), Json);
                    await response.WriteAsync($"event: {item.Type}\ndata: {data}\n\n", cancellationToken);
                }

                await response.Body.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client left, or the server is stopping.
        }
    }

    private sealed record EventData(Guid? RecordingId, Guid? CallId, string? Status);
}
