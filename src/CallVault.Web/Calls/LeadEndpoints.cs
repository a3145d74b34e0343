using CallVault.Web.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CallVault.Web.Calls;

/// <summary>The "leads" view: every call with one phone number, both directions.</summary>
internal static class LeadEndpoints
{
    public static IEndpointRouteBuilder MapLeadEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/phones").WithTags("Calls").RequireAuthorization(Roles.CanView)
            .MapGet("/{number}/calls", (string number, Infrastructure.Persistence.CallVaultDbContext db, Infrastructure.Search.ICallTextSearch search, DateTime? from, DateTime? to, string? direction, string? status, string? recordingStatus, string? q, string? cursor, int? limit, CancellationToken cancellationToken) =>
                CallEndpoints.ListAsync(db, search, number, from, to, direction, status, recordingStatus, q, cursor, limit, cancellationToken));
        return app;
    }
}
