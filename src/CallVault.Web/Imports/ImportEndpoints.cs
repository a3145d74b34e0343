using CallVault.Core.Sync;
using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Sync;
using CallVault.Web.Api;
using CallVault.Web.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CallVault.Web.Imports;

/// <summary>Backfill from the provider's recordings list (admin): start one, follow it, list them.</summary>
internal static class ImportEndpoints
{
    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/imports").WithTags("Imports").RequireAuthorization(Roles.CanAdmin);
        group.MapPost("/", StartAsync);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:guid}", GetAsync);
        app.MapRematchEndpoint();
        return app;
    }

    private static async Task<Results<Accepted<ImportDto>, ProblemHttpResult>> StartAsync(
        ImportRequest? request, HttpContext context, ImportStarter starter, CancellationToken cancellationToken)
    {
        var range = ImportRange.TryCreate(request?.Provider, request?.From, request?.To, out var error);
        if (range is null)
        {
            return ApiProblems.BadRequest(error);
        }

        if (!starter.IsConfigured(range.Provider))
        {
            return TypedResults.Problem("Set CallVault:Twilio:AccountSid and CallVault:Twilio:AuthToken.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Twilio is not configured");
        }

        var import = await starter.StartAsync(range, Actors.Of(context.User), cancellationToken);
        return TypedResults.Accepted($"/api/imports/{import.Id}", ImportDto.FromEntity(import));
    }

    private static Task<Results<Ok<ImportDto>, ProblemHttpResult>> GetAsync(Guid id, CallVaultDbContext db, CancellationToken cancellationToken) =>
        RunHistory.OneAsync(db.Imports.Where(i => i.Id == id), "import", ImportDto.FromEntity, cancellationToken);

    private static Task<Results<Ok<IReadOnlyList<ImportDto>>, ProblemHttpResult>> ListAsync(CallVaultDbContext db, int? limit, CancellationToken cancellationToken) =>
        RunHistory.LatestAsync(db.Imports.OrderByDescending(i => i.StartedAt).ThenByDescending(i => i.Id), limit, ImportDto.FromEntity, cancellationToken);
}
