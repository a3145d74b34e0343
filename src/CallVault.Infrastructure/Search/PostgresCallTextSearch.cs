using CallVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Search;

/// <summary>
/// PostgreSQL: <c>RecordingSearch</c> (a tsvector per recording over transcript and summary, kept by triggers,
/// migration 0015) matched with <c>plainto_tsquery</c> (every word, no operators). Each of the newest matching
/// recordings (<see cref="SearchWindow"/>) is ranked with <c>ts_rank</c>; a call takes its best recording's rank,
/// and of equally good matches the newer comes first.
/// </summary>
/// <remarks>
/// The newest matches are read in slices of <c>RowId</c>, newest slice first, until the window is full. One query over
/// all matches cannot stop early: through the GIN index it reads every match (a surname: 7,000–20,000 rows, each a
/// random heap page) before it knows which are newest, and a backwards walk of the <c>RowId</c> index tests hundreds of
/// thousands of rows for a word that is not common. Within a slice the planner picks the walk (a common word) or the GIN
/// index ANDed with the <c>RowId</c> BRIN index (migration 0017), which reads only the pages holding that slice's matches.
/// Each next slice is sized from the matches per row seen so far, so about the window's rows are read.
/// </remarks>
internal sealed class PostgresCallTextSearch(SearchWindow window) : ICallTextSearch
{
    /// <summary>The first slice: the newest rows in which a common word already fills the window.</summary>
    private const double FirstSliceWindows = 2;

    /// <summary>Room above the expected rows for the next slice, so that a slice seldom falls just short.</summary>
    private const double SliceMargin = 1.25;

    public async Task<IReadOnlyList<CallSearchHit>> SearchAsync(CallVaultDbContext db, IReadOnlyList<string> terms, int limit, CancellationToken cancellationToken)
    {
        if (terms.Count == 0 || limit <= 0)
        {
            return [];
        }

        var text = string.Join(' ', terms);
        var newest = await NewestMatchesAsync(db, text, cancellationToken);
        var best = newest
            .OrderByDescending(m => m.RowId).Take(window.RankedRecordings)
            .OrderByDescending(m => m.Rank).ThenByDescending(m => m.RowId).Take(limit * SearchWindow.CandidatesPerHit)
            .ToList();
        var ids = best.Select(m => m.RecordingId).ToArray();
        var calls = (await db.Database.SqlQuery<RecordingCall>($"""
            SELECT r."Id" AS "RecordingId", r."CallId" AS "CallId" FROM "Recordings" r
            WHERE r."Id" = ANY({ids}) AND r."CallId" IS NOT NULL
            """).ToListAsync(cancellationToken)).ToDictionary(r => r.RecordingId, r => r.CallId);
        return [.. best.Where(m => calls.ContainsKey(m.RecordingId))
            .GroupBy(m => calls[m.RecordingId])
            .Select(g => (CallId: g.Key, Score: g.Max(m => m.Rank), Newest: g.Max(m => m.RowId)))
            .OrderByDescending(c => c.Score).ThenByDescending(c => c.Newest)
            .Take(limit)
            .Select(c => new CallSearchHit(c.CallId, c.Score))];
    }

    private async Task<List<Match>> NewestMatchesAsync(CallVaultDbContext db, string text, CancellationToken cancellationToken)
    {
        var top = await db.Database.SqlQuery<long>($"""SELECT COALESCE(MAX("RowId"), 0) AS "Value" FROM "RecordingSearch" """).SingleAsync(cancellationToken);
        var matches = new List<Match>();
        var below = top + 1;
        var slice = (long)(window.RankedRecordings * FirstSliceWindows);
        while (below > 0 && matches.Count < window.RankedRecordings)
        {
            var from = Math.Max(0, below - slice);
            // Planned with its values (Npgsql's unnamed statements): the slice's width and the words' statistics choose the path.
            matches.AddRange(await db.Database.SqlQuery<Match>($"""
                SELECT s."RowId" AS "RowId", s."RecordingId" AS "RecordingId",
                       ts_rank(s."SearchVector", plainto_tsquery('simple', {text}))::float8 AS "Rank"
                FROM "RecordingSearch" s
                WHERE s."SearchVector" @@ plainto_tsquery('simple', {text}) AND s."RowId" >= {from} AND s."RowId" < {below}
                """).ToListAsync(cancellationToken));
            below = from;
            var read = top + 1 - from;
            var wanted = window.RankedRecordings - matches.Count;
            slice = matches.Count == 0
                ? slice * 8
                : (long)Math.Min(long.MaxValue / 2, Math.Ceiling(wanted * SliceMargin * read / matches.Count));
        }

        return matches;
    }

    private sealed record Match(long RowId, Guid RecordingId, double Rank);

    private sealed record RecordingCall(Guid RecordingId, Guid CallId);
}
