using CallVault.Infrastructure.Persistence;
using CallVault.Web.Api;
using CallVault.Web.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Web.Alerts;

internal static class AlertEndpoints
{
    private const int MaxLimit = 500;

    public static IEndpointRouteBuilder MapAlertEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/alerts").WithTags("Alerts").RequireAuthorization(Roles.CanView)
            .MapGet("", ListAsync);
        return app;
    }

    /// <summary>Alerts newest first; <c>status=firing</c> for the open ones, <c>resolved</c> for history.</summary>
    private static async Task<Results<Ok<AlertList>, ProblemHttpResult>> ListAsync(
        CallVaultDbContext db, string? status, int? limit, CancellationToken cancellationToken)
    {
        if (status is not (null or "firing" or "resolved"))
        {
            return ApiProblems.BadRequest("status must be firing or resolved.");
        }

        var take = limit ?? 100;
        if (take is < 1 or > MaxLimit)
        {
            return ApiProblems.BadRequest($"limit must be between 1 and {MaxLimit}.");
        }

        var query = db.Alerts.AsNoTracking();
        query = status switch
        {
            "firing" => query.Where(a => a.ResolvedAt == null),
            "resolved" => query.Where(a => a.ResolvedAt != null),
            _ => query,
        };
        var alerts = await query.OrderByDescending(a => a.RaisedAt).ThenBy(a => a.Rule).Take(take).ToListAsync(cancellationToken);
        return TypedResults.Ok(new AlertList([.. alerts.Select(a => new AlertDto(
            a.Id, a.Rule, a.Subject, a.Severity.ToString().ToLowerInvariant(), a.ResolvedAt is null ? "firing" : "resolved",
            a.Message, a.Value, a.Threshold, a.RaisedAt, a.ResolvedAt, a.RaiseSentAt, a.ResolveSentAt, a.LastDeliveryError))]));
    }
}
