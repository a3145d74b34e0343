using CallVault.Core.Reconciliation;
using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Reconciliation;
using CallVault.Web.Api;
using CallVault.Web.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CallVault.Web.Reconciliations;

/// <summary>Provider vs database vs storage (admin): start a run (a dry run unless told), follow it, list the history.</summary>
internal static class ReconciliationEndpoints
{
    public static IEndpointRouteBuilder MapReconciliationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reconciliations").WithTags("Reconciliations").RequireAuthorization(Roles.CanAdmin);
        group.MapPost("/", StartAsync);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:guid}", GetAsync);
        return app;
    }

    private static async Task<Results<Accepted<ReconciliationDto>, ProblemHttpResult>> StartAsync(
        ReconciliationRequestBody? body, HttpContext context, ReconciliationStarter starter, IOptionsMonitor<ReconciliationOptions> options, CancellationToken cancellationToken)
    {
        if (body?.Checksums is not (null or "all" or "sample"))
        {
            return ApiProblems.BadRequest("checksums must be \"all\" or \"sample\".");
        }

        var request = new ReconciliationRequest(
            body?.Repair == true ? ReconciliationRepair.All : ReconciliationRepair.None,
            body?.DeleteOrphans == true,
            body?.OrphanGraceSeconds ?? ReconciliationRequest.DefaultOrphanGraceSeconds,
            body?.Checksums == "all" ? null : body?.ChecksumSample ?? options.CurrentValue.ChecksumSample);
        if (request.Validate() is { } error)
        {
            return ApiProblems.BadRequest(error);
        }

        var run = await starter.StartAsync(request, Actors.Of(context.User), cancellationToken);
        return TypedResults.Accepted($"/api/reconciliations/{run.Id}", ReconciliationDto.FromEntity(run));
    }

    private static Task<Results<Ok<ReconciliationDto>, ProblemHttpResult>> GetAsync(Guid id, CallVaultDbContext db, CancellationToken cancellationToken) =>
        RunHistory.OneAsync(db.Reconciliations.Where(r => r.Id == id), "reconciliation", ReconciliationDto.FromEntity, cancellationToken);

    private static Task<Results<Ok<IReadOnlyList<ReconciliationDto>>, ProblemHttpResult>> ListAsync(CallVaultDbContext db, int? limit, CancellationToken cancellationToken) =>
        RunHistory.LatestAsync(db.Reconciliations.OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id), limit, ReconciliationDto.FromEntity, cancellationToken);
}
