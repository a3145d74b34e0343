using System.Globalization;
using CallVault.Infrastructure.Access;
using CallVault.Web.Api;
using CallVault.Web.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CallVault.Web.Audit;

/// <summary><c>GET /api/audit</c> (admin): administrative actions, newest first, keyset-paged.</summary>
internal static class AdminAuditEndpoints
{
    public static IEndpointRouteBuilder MapAdminAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", ListAsync).WithTags("Access").RequireAuthorization(Roles.CanAdmin);
        return app;
    }

    private static async Task<Results<Ok<Page<AdminAuditDto>>, ProblemHttpResult>> ListAsync(
        AdminAuditLog log, string? cursor, int? limit, CancellationToken cancellationToken)
    {
        if (!ListLimits.TryNormalize(limit, out var take))
        {
            return ApiProblems.BadLimit();
        }

        long? before = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            if (!long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return ApiProblems.BadCursor();
            }

            before = id;
        }

        var rows = await log.PageAsync(before, take + 1, cancellationToken);
        var items = rows.Take(take).Select(AdminAuditDto.FromEntity).ToList();
        var next = rows.Count > take ? items[^1].Id.ToString(CultureInfo.InvariantCulture) : null;
        return TypedResults.Ok(new Page<AdminAuditDto>(items, next));
    }
}
