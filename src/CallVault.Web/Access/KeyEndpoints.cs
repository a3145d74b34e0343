using CallVault.Infrastructure.Access;
using CallVault.Web.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CallVault.Web.Access;

/// <summary>API keys (admin): create (the key is in this one answer), list, revoke.</summary>
internal static class KeyEndpoints
{
    public static IEndpointRouteBuilder MapKeyEndpoints(this IEndpointRouteBuilder app) =>
        app.MapNamedEntries("/api/keys", CreateAsync, ListAsync, RevokeAsync);

    private static async Task<Results<Created<CreatedApiKeyDto>, ProblemHttpResult>> CreateAsync(
        CreateKeyRequest? request, HttpContext context, ApiKeyStore keys, CancellationToken cancellationToken)
    {
        if (AccessEndpointShape.InvalidNameOrRole(request?.Name, request?.Role) is { } invalid)
        {
            return invalid;
        }

        var issued = await keys.CreateAsync(request!.Name!, request.Role!, Actors.Of(context.User), cancellationToken);
        if (issued is null)
        {
            return AccessEndpointShape.NameTaken("A key with that name exists (revoked keys keep their names).");
        }

        var row = issued.Row;
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"/api/keys/{row.Name}", new CreatedApiKeyDto(row.Id, row.Name, row.Prefix, row.Role, row.CreatedAt, issued.Key));
    }

    private static async Task<Ok<IReadOnlyList<ApiKeyDto>>> ListAsync(ApiKeyStore keys, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<ApiKeyDto>>([.. (await keys.ListAsync(cancellationToken)).Select(ApiKeyDto.FromEntity)]);

    private static Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(string name, ApiKeyStore keys, CancellationToken cancellationToken) =>
        AccessEndpointShape.RemoveAsync(name, n => keys.RevokeAsync(n, cancellationToken), "No active key with that name.");
}
