using CallVault.Infrastructure.Access;
using CallVault.Web.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CallVault.Web.Access;

/// <summary>Dashboard users (admin): add, list, remove (which ends their sessions at once).</summary>
internal static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder app) =>
        app.MapNamedEntries("/api/users", CreateAsync, ListAsync, RemoveAsync);

    private static async Task<Results<Created<UserDto>, ProblemHttpResult>> CreateAsync(
        CreateUserRequest? request, UserAccounts users, CancellationToken cancellationToken)
    {
        if (AccessEndpointShape.InvalidNameOrRole(request?.Name, request?.Role) is { } invalid)
        {
            return invalid;
        }

        if (request!.Password is not { Length: >= UserAccounts.MinPasswordLength and <= UserAccounts.MaxPasswordLength })
        {
            return ApiProblems.BadRequest($"password must be {UserAccounts.MinPasswordLength} to {UserAccounts.MaxPasswordLength} characters.");
        }

        var user = await users.AddAsync(request.Name!, request.Role!, request.Password, cancellationToken);
        return user is null
            ? AccessEndpointShape.NameTaken("A user with that name exists.")
            : TypedResults.Created($"/api/users/{user.Name}", UserDto.FromEntity(user));
    }

    private static async Task<Ok<IReadOnlyList<UserDto>>> ListAsync(UserAccounts users, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<UserDto>>([.. (await users.ListAsync(cancellationToken)).Select(UserDto.FromEntity)]);

    private static Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(string name, UserAccounts users, CancellationToken cancellationToken) =>
        AccessEndpointShape.RemoveAsync(name, n => users.RemoveAsync(n, cancellationToken), "No user with that name.");
}
