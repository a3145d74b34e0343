using CallVault.Core.Access;
using CallVault.Web.Api;
using CallVault.Web.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CallVault.Web.Access;

/// <summary>
/// What the key and user endpoints share: an admin-only group of named entries (every write audited by
/// <see cref="Audit.AdminAuditMiddleware"/>, as on any admin route) where POST adds one, GET lists them and
/// DELETE <c>/{name}</c> removes one, with the same problem details for a bad name or role, a taken name
/// and a name not found.
/// </summary>
internal static class AccessEndpointShape
{
    public static IEndpointRouteBuilder MapNamedEntries(this IEndpointRouteBuilder app, string path, Delegate add, Delegate list, Delegate remove)
    {
        var group = app.MapGroup(path).WithTags("Access").RequireAuthorization(Roles.CanAdmin);
        group.MapPost("/", add);
        group.MapGet("/", list);
        group.MapDelete("/{name}", remove);
        return app;
    }

    /// <summary>The problem with a new entry's name or role, or null when both are valid.</summary>
    public static ProblemHttpResult? InvalidNameOrRole(string? name, string? role) =>
        !AccessNames.IsValid(name) ? ApiProblems.BadRequest(AccessNames.Rule + ".")
        : !AccessRoles.IsKnown(role) ? ApiProblems.BadRequest("role must be 'viewer' or 'admin'.")
        : null;

    public static ProblemHttpResult NameTaken(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Name taken");

    /// <summary>Removes the entry named <paramref name="name"/>; a malformed name is not looked up and, like a missing one, is a 404.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(string name, Func<string, Task<bool>> remove, string notFound) =>
        AccessNames.IsValid(name) && await remove(name)
            ? TypedResults.NoContent()
            : TypedResults.Problem(notFound, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
