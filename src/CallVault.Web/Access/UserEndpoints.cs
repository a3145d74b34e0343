using CallVault.Core.Access;
using CallVault.Infrastructure.Access;
using CallVault.Web.Api;
using CallVault.Web.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CallVault.Web.Access;

/// <summary>Dashboard users (admin): add, list, remove (which ends their sessions at once).</summary>
internal static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").WithTags("Access").RequireAuthorization(Roles.CanAdmin);
        group.MapPost("/", CreateAsync);
        group.MapGet("/", ListAsync);
        group.MapDelete("/{name}", RemoveAsync);
        return app;
    }

    private static async Task<Results<Created<UserDto>, ProblemHttpResult>> CreateAsync(
        CreateUserRequest? request, UserAccounts users, CancellationToken cancellationToken)
    {
        if (!AccessNames.IsValid(request?.Name))
        {
            return ApiProblems.BadRequest(AccessNames.Rule + ".");
        }

        if (!AccessRoles.IsKnown(request!.Role))
        {
            return ApiProblems.BadRequest("role must be 'viewer' or 'admin'.");
        }

        if (request.Password is not { Length: >= UserAccounts.MinPasswordLength and <= UserAccounts.MaxPasswordLength })
        {
            return ApiProblems.BadRequest($"password must be {UserAccounts.MinPasswordLength} to {UserAccounts.MaxPasswordLength} characters.");
        }

        var user = await users.AddAsync(request.Name!, request.Role!, request.Password, cancellationToken);
        return user is null
            ? TypedResults.Problem("A user with that name exists.", statusCode: StatusCodes.Status409Conflict, title: "Name taken")
            : TypedResults.Created($"/api/users/{user.Name}", UserDto.FromEntity(user));
    }

    private static async Task<Ok<IReadOnlyList<UserDto>>> ListAsync(UserAccounts users, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<UserDto>>([.. (await users.ListAsync(cancellationToken)).Select(UserDto.FromEntity)]);

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(string name, UserAccounts users, CancellationToken cancellationToken) =>
        AccessNames.IsValid(name) && await users.RemoveAsync(name, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem("No user with that name.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
