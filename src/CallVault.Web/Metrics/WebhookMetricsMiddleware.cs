using CallVault.Infrastructure.Observability;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CallVault.Web.Metrics;

/// <summary>
/// Counts every webhook request by provider, type and outcome (from the status answered). The type
/// comes from the matched route, never from the raw path, so a scan of odd URLs adds no series.
/// </summary>
internal static class WebhookMetricsMiddleware
{
    private const string Prefix = "/webhooks/";

    public static IApplicationBuilder UseWebhookMetrics(this IApplicationBuilder app)
    {
        var metrics = app.ApplicationServices.GetService(typeof(CallVaultMetrics)) as CallVaultMetrics
            ?? throw new InvalidOperationException("AddObservability() was not called.");
        return app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/webhooks"))
            {
                await next(context);
                return;
            }

            // Taken before the call: the exception handler clears the endpoint when it answers for a failure.
            var endpoint = context.GetEndpoint();
            try
            {
                await next(context);
            }
            finally
            {
                if ((endpoint ?? context.GetEndpoint()) is RouteEndpoint { RoutePattern.RawText: { } pattern } && pattern.StartsWith(Prefix, StringComparison.Ordinal))
                {
                    var (provider, type) = Classify(pattern[Prefix.Length..]);
                    metrics.WebhookHandled(provider, type, WebhookOutcomes.ForStatus(context.Response.StatusCode));
                }
            }
        });
    }

    /// <summary><c>twilio/recording</c> → (twilio, recording); <c>vapi</c> → (vapi, server-message).</summary>
    private static (string Provider, string Type) Classify(string route)
    {
        var slash = route.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (route, "server-message") : (route[..slash], route[(slash + 1)..]);
    }
}
