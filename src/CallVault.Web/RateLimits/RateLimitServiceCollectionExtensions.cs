using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CallVault.Web.RateLimits;

internal static class RateLimitServiceCollectionExtensions
{
    /// <summary>
    /// One global limiter, so no route can be left out: a token bucket per API caller, and one shared
    /// bucket with a deep queue for webhooks (a burst waits rather than being dropped). Health,
    /// metrics and pages are not limited here; sign-in attempts are limited in <c>DashboardSignIn</c>.
    /// </summary>
    public static IServiceCollection AddRequestRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>()
            .BindConfiguration(RateLimitOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, settings) =>
        {
            var limits = settings.Value;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (RequestPartitions.IsWebhook(context.Request))
                {
                    return RateLimitPartition.GetTokenBucketLimiter(RequestPartitions.Webhooks, _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = limits.WebhooksPerSecond,
                        TokensPerPeriod = limits.WebhooksPerSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = limits.WebhookQueue,
                        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    });
                }

                if (RequestPartitions.IsApi(context.Request))
                {
                    return RateLimitPartition.GetTokenBucketLimiter(RequestPartitions.ApiCaller(context), _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = limits.ApiBurst,
                        TokensPerPeriod = limits.ApiPerSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                    });
                }

                return RateLimitPartition.GetNoLimiter(string.Empty);
            });
            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>API: 429 problem with Retry-After. Webhooks: 503 with Retry-After, which providers retry.</summary>
    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var webhook = RequestPartitions.IsWebhook(context.Request);
        context.Response.StatusCode = webhook ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status429TooManyRequests;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = context.Response.StatusCode,
                Title = webhook ? "Busy" : "Too many requests",
                Detail = "Slow down; try again after the Retry-After delay.",
            },
        });
    }
}
