using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Search;
using CallVault.Web.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Web.Calls;

/// <summary>
/// <c>GET /api/calls?q=</c>: calls whose transcripts or summaries hold every word of <c>q</c>, most relevant
/// first, narrowed by the other filters. The best <see cref="MaxHits"/> matches are ranked and paged.
/// </summary>
internal static class CallSearch
{
    public const int MaxQueryLength = 500;
    public const int MaxHits = 1000;

    public static async Task<Results<Ok<Page<CallListItemDto>>, ProblemHttpResult>> ListAsync(
        CallVaultDbContext db, ICallTextSearch search, string q, CallFilters filters, string? cursor, int take, CancellationToken cancellationToken)
    {
        if (q.Length > MaxQueryLength)
        {
            return ApiProblems.BadRequest($"q is limited to {MaxQueryLength} characters.");
        }

        var terms = SearchTerms.Parse(q);
        if (terms.Count == 0)
        {
            return ApiProblems.BadRequest("q must contain at least one word.");
        }

        if (!SearchCursor.TryDecode(cursor, out var offset))
        {
            return ApiProblems.BadCursor();
        }

        var hits = await search.SearchAsync(db, terms, MaxHits, cancellationToken);
        var ids = hits.Select(h => h.CallId).ToList();
        var allowed = (await filters.Apply(db.Calls.AsNoTracking().Where(c => ids.Contains(c.Id)), db.Recordings).Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
        var ranked = hits.Where(h => allowed.Contains(h.CallId)).Select(h => h.CallId).ToList();
        var pageIds = ranked.Skip(offset).Take(take).ToList();

        var rows = await CallListItems.Rows(db.Calls.AsNoTracking().Where(c => pageIds.Contains(c.Id))).ToListAsync(cancellationToken);
        var byId = rows.ToDictionary(c => c.Id);
        var items = await CallListItems.LoadAsync(db, [.. pageIds.Where(byId.ContainsKey).Select(id => byId[id])], null, cancellationToken);
        var next = offset + take < ranked.Count ? SearchCursor.Encode(offset + take) : null;
        return TypedResults.Ok(new Page<CallListItemDto>(items, next));
    }
}
