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
            .MapGet("/{number}/calls", (string number, Infrastructure.Persistence.CallVaultDbContext db, DateTime? from, DateTime? to, string? direction, string? status, string? cursor, int? limit, CancellationToken cancellationToken) =>
                CallEndpoints.ListAsync(db, number, from, to, direction, status, cursor, limit, cancellationToken));
        return app;
    }
}
