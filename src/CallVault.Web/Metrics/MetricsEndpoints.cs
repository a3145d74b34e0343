using CallVault.Infrastructure.Observability;
using CallVault.Web.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CallVault.Web.Metrics;

internal static class MetricsEndpoints
{
    /// <summary><c>GET /metrics</c> in Prometheus text format; anonymous unless <c>CallVault:Metrics:RequireAuth</c>.</summary>
    public static IEndpointRouteBuilder MapMetricsEndpoints(this IEndpointRouteBuilder app)
    {
        // Resolved now, so the listener counts from start-up rather than from the first scrape.
        app.ServiceProvider.GetRequiredService<PrometheusCollector>();
        app.ServiceProvider.GetRequiredService<DatabaseGauges>();
        var endpoint = app.MapGet("/metrics", ScrapeAsync).WithTags("Operations").ExcludeFromDescription();
        if (app.ServiceProvider.GetRequiredService<IOptions<MetricsOptions>>().Value.RequireAuth)
        {
            endpoint.RequireAuthorization(Roles.CanView);
        }
        else
        {
            endpoint.AllowAnonymous();
        }

        return app;
    }

    private static async Task<IResult> ScrapeAsync(PrometheusCollector collector, DatabaseGauges gauges, CancellationToken cancellationToken)
    {
        // A database outage leaves the last gauge values and database_up 0: the scrape still answers.
        await gauges.RefreshAsync(cancellationToken);
        return TypedResults.Text(PrometheusTextWriter.Write(collector), PrometheusTextWriter.ContentType);
    }
}
