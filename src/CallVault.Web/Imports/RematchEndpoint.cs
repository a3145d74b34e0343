using CallVault.Infrastructure.Sync;
using CallVault.Web.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CallVault.Web.Imports;

/// <summary><c>POST /api/recordings/rematch</c> (admin): the matching chain again for every recording without a call.</summary>
internal static class RematchEndpoint
{
    public static IEndpointRouteBuilder MapRematchEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/recordings/rematch", RematchAsync).WithTags("Recordings").RequireAuthorization(Roles.CanAdmin);
        return app;
    }

    private static async Task<Ok<RematchReport>> RematchAsync(RecordingRematcher rematcher, CancellationToken cancellationToken) =>
        TypedResults.Ok(await rematcher.RunAsync(cancellationToken));
}
