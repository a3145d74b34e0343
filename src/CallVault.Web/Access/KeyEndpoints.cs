using CallVault.Core.Access;
using CallVault.Infrastructure.Access;
using CallVault.Web.Api;
using CallVault.Web.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CallVault.Web.Access;

/// <summary>API keys (admin): create (the key is in this one answer), list, revoke.</summary>
internal static class KeyEndpoints
{
    public static IEndpointRouteBuilder MapKeyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/keys").WithTags("Access").RequireAuthorization(Roles.CanAdmin);
        group.MapPost("/", CreateAsync);
        group.MapGet("/", ListAsync);
        group.MapDelete("/{name}", RevokeAsync);
        return app;
    }

    private static async Task<Results<Created<CreatedApiKeyDto>, ProblemHttpResult>> CreateAsync(
        CreateKeyRequest? request, HttpContext context, ApiKeyStore keys, CancellationToken cancellationToken)
    {
        if (!AccessNames.IsValid(request?.Name))
        {
            return ApiProblems.BadRequest(AccessNames.Rule + ".");
        }

        if (!AccessRoles.IsKnown(request!.Role))
        {
            return ApiProblems.BadRequest("role must be 'viewer' or 'admin'.");
        }

        var issued = await keys.CreateAsync(request.Name!, request.Role!, Actors.Of(context.User), cancellationToken);
        if (issued is null)
        {
            return TypedResults.Problem("A key with that name exists (revoked keys keep their names).", statusCode: StatusCodes.Status409Conflict, title: "Name taken");
        }

        var row = issued.Row;
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"/api/keys/{row.Name}", new CreatedApiKeyDto(row.Id, row.Name, row.Prefix, row.Role, row.CreatedAt, issued.Key));
    }

    private static async Task<Ok<IReadOnlyList<ApiKeyDto>>> ListAsync(ApiKeyStore keys, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<ApiKeyDto>>([.. (await keys.ListAsync(cancellationToken)).Select(ApiKeyDto.FromEntity)]);

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(string name, ApiKeyStore keys, CancellationToken cancellationToken) =>
        AccessNames.IsValid(name) && await keys.RevokeAsync(name, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem("No active key with that name.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
