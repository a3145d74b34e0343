using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Search;
using CallVault.Web.Api;
using CallVault.Web.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Web.Calls;

internal static class CallEndpoints
{
    public static IEndpointRouteBuilder MapCallEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/calls").WithTags("Calls").RequireAuthorization(Roles.CanView);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapPost("/{id:guid}/start-recording", StartRecordingEndpoint.HandleAsync).RequireAuthorization(Roles.CanAdmin);
        return app;
    }

    public static async Task<Results<Ok<Page<CallListItemDto>>, ProblemHttpResult>> ListAsync(
        CallVaultDbContext db, ICallTextSearch search, string? phone, DateTime? from, DateTime? to, string? direction, string? status, string? recordingStatus,
        string? q, string? cursor, int? limit, CancellationToken cancellationToken)
    {
        if (!ListLimits.TryNormalize(limit, out var take))
        {
            return ApiProblems.BadLimit();
        }

        if (!RecordingStates.IsKnown(recordingStatus))
        {
            return ApiProblems.BadRequest($"recordingStatus must be one of: {string.Join(", ", RecordingStates.All)}.");
        }

        var filters = new CallFilters(phone, from, to, direction, status, recordingStatus);
        if (!string.IsNullOrWhiteSpace(q))
        {
            return await CallSearch.ListAsync(db, search, q, filters, cursor, take, cancellationToken);
        }

        if (!Cursor.TryDecode(cursor, out var after))
        {
            return ApiProblems.BadCursor();
        }

        var query = filters.Apply(db.Calls.AsNoTracking(), db.Recordings);
        if (after is not null)
        {
            // The leading "<=" is what both databases can seek the (StartedAt, Id) index with; the OR alone made
            // PostgreSQL walk the index from the newest call and filter, which grew with the cursor's depth.
            query = query.Where(c => c.StartedAt <= after.At && (c.StartedAt < after.At || c.Id.CompareTo(after.Id) < 0));
        }

        var calls = await CallListItems.Rows(query.OrderByDescending(c => c.StartedAt).ThenByDescending(c => c.Id).Take(take + 1)).ToListAsync(cancellationToken);
        var page = calls.Take(take).ToList();
        var next = calls.Count > take ? new Cursor(page[^1].StartedAt, page[^1].Id).Encode() : null;
        return TypedResults.Ok(new Page<CallListItemDto>(await CallListItems.LoadAsync(db, page, null, cancellationToken), next));
    }

    private static async Task<Results<Ok<CallDto>, ProblemHttpResult>> GetAsync(Guid id, CallVaultDbContext db, CancellationToken cancellationToken)
    {
        var call = await db.Calls.AsNoTracking().Include(c => c.Legs).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (call is null)
        {
            return ApiProblems.NotFound("call");
        }

        var recordings = await db.Recordings.AsNoTracking().Include(r => r.Stages)
            .Where(r => r.CallId == id).OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(CallDto.FromEntity(call, recordings));
    }
}
