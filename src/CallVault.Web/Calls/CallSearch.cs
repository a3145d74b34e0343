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

        // One more than the page shows, to know whether another page follows; no rank beyond MaxHits is ever shown.
        var ranked = await RankedCallIdsAsync(db, search, terms, filters, (int)Math.Min(MaxHits + 1L, offset + take + 1L), cancellationToken);
        var pageIds = ranked.Skip(offset).Take(take).ToList();

        var rows = await CallListItems.Rows(db.Calls.AsNoTracking().Where(c => pageIds.Contains(c.Id))).ToListAsync(cancellationToken);
        var byId = rows.ToDictionary(c => c.Id);
        var items = await CallListItems.LoadAsync(db, [.. pageIds.Where(byId.ContainsKey).Select(id => byId[id])], null, cancellationToken);
        var next = (long)offset + take < ranked.Count ? SearchCursor.Encode(offset + take) : null;
        return TypedResults.Ok(new Page<CallListItemDto>(items, next));
    }

    /// <summary>
    /// The best matches that pass the filters, in rank order, at least <paramref name="wanted"/> of them when there are:
    /// the search is asked for only as many as the page needs (joining the best few recordings to their calls is what
    /// costs), and asked again for more when the filters drop too many. A shorter answer is a prefix of a longer one,
    /// so pages stay consistent however far each request had to look.
    /// </summary>
    private static async Task<List<Guid>> RankedCallIdsAsync(
        CallVaultDbContext db, ICallTextSearch search, IReadOnlyList<string> terms, CallFilters filters, int wanted, CancellationToken cancellationToken)
    {
        var asked = Math.Min(MaxHits, wanted);
        while (true)
        {
            var hits = await search.SearchAsync(db, terms, asked, cancellationToken);
            var ids = hits.Select(h => h.CallId).ToList();
            var allowed = (await filters.Apply(db.Calls.AsNoTracking().Where(c => ids.Contains(c.Id)), db.Recordings).Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
            var ranked = hits.Where(h => allowed.Contains(h.CallId)).Select(h => h.CallId).ToList();
            if (ranked.Count >= wanted || hits.Count < asked || asked >= MaxHits)
            {
                return ranked;
            }

            // As many more as the share the filters kept suggests (a quarter over), eight times more when they kept none.
            asked = ranked.Count == 0 ? Math.Min(MaxHits, asked * 8) : (int)Math.Min(MaxHits, Math.Ceiling(1.25 * wanted * hits.Count / ranked.Count));
        }
    }
}
