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
/// thousands of rows for a word that is not common. A slice is read by a walk (a common word) or through the GIN
/// index ANDed with the <c>RowId</c> BRIN index (migration 0017), which reads only the pages holding that slice's matches.
/// The first slice, as many rows as the window, is walked; it tells how common the words are. Each next slice is sized
/// from the matches per row seen so far, so that about the window's matches are read, and walked or left to the planner
/// by which of the two is cheaper at that density (<see cref="WalkIsCheaper"/>).
/// </remarks>
internal sealed class PostgresCallTextSearch(SearchWindow window) : ICallTextSearch
{
    /// <summary>Room above the expected rows for the next slice, so that a slice seldom falls just short.</summary>
    private const double SliceMargin = 1.1;

    public async Task<IReadOnlyList<CallSearchHit>> SearchAsync(CallVaultDbContext db, IReadOnlyList<string> terms, int limit, CancellationToken cancellationToken)
    {
        if (terms.Count == 0 || limit <= 0)
        {
            return [];
        }

        var text = string.Join(' ', terms);
        var candidates = limit * SearchWindow.CandidatesPerHit;
        var best = (await BestOfNewestAsync(db, text, candidates, cancellationToken))
            .OrderByDescending(m => m.Rank).ThenByDescending(m => m.RowId).Take(candidates)
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

    /// <summary>Each slice's best <paramref name="candidates"/> of its matches that fall in the window: the best of the window are among them.</summary>
    private async Task<List<Match>> BestOfNewestAsync(CallVaultDbContext db, string text, int candidates, CancellationToken cancellationToken)
    {
        var top = await db.Database.SqlQuery<long>($"""SELECT COALESCE(MAX("RowId"), 0) AS "Value" FROM "RecordingSearch" """).SingleAsync(cancellationToken);
        var best = new List<Match>();
        long found = 0;
        var below = top + 1;
        long slice = window.RankedRecordings;
        var walk = true;
        while (below > 0 && found < window.RankedRecordings)
        {
            var from = Math.Max(0, below - slice);
            var wanted = window.RankedRecordings - found;
            var rows = await (walk ? Walk(db, text, from, below, wanted, candidates) : Planned(db, text, from, below, wanted, candidates)).ToListAsync(cancellationToken);
            best.AddRange(rows);
            found += rows.Count == 0 ? 0 : rows[0].Found;
            below = from;
            if (found == 0)
            {
                slice *= 8;
                walk = false;
                continue;
            }

            var density = (double)found / (top + 1 - from);
            slice = (long)Math.Min(long.MaxValue / 2, Math.Ceiling((window.RankedRecordings - found) * SliceMargin / density));
            walk = WalkIsCheaper(slice, density, top);
        }

        return best;
    }

    /// <summary>
    /// Costs measured on a million recordings (PostgreSQL 15, pages from the OS cache): the walk tests every row of the
    /// slice, about 2.5 µs a row; the GIN path reads the words' whole posting lists, about 0.3 µs a match anywhere in the
    /// archive, then a random heap page per match in the slice, about 8 µs. The planner cannot weigh this for several
    /// words that occur together (it multiplies their frequencies: "doorbell camera" is taken for 4 % of rows, not 20 %).
    /// </summary>
    private static bool WalkIsCheaper(long slice, double density, long rows) =>
        slice * (2.5 - (8 * density)) < 0.3 * density * rows;

    /// <summary>
    /// The slice's rows one by one, newest first, by <c>RowId</c> (the match is a function call, which no index answers),
    /// stopping at the <paramref name="wanted"/>th match; its best <paramref name="candidates"/>, and how many matched.
    /// </summary>
    private static IQueryable<Match> Walk(CallVaultDbContext db, string text, long from, long below, long wanted, int candidates) => db.Database.SqlQuery<Match>($"""
        WITH newest AS MATERIALIZED (
            SELECT s."RowId", s."RecordingId", ts_rank(s."SearchVector", plainto_tsquery('simple', {text})) AS "Rank"
            FROM "RecordingSearch" s
            WHERE ts_match_vq(s."SearchVector", plainto_tsquery('simple', {text})) AND s."RowId" >= {from} AND s."RowId" < {below}
            ORDER BY s."RowId" DESC LIMIT {wanted})
        SELECT "RowId", "RecordingId", "Rank"::float8 AS "Rank", (SELECT count(*) FROM newest) AS "Found"
        FROM newest ORDER BY "Rank" DESC, "RowId" DESC LIMIT {candidates}
        """);

    /// <summary>
    /// The slice's matches by the planner's choice, planned with their values (Npgsql's unnamed statements): for a word
    /// that is not common, the GIN index ANDed with the <c>RowId</c> BRIN index reads only the pages of the slice's matches.
    /// Every match of the slice is read (neither index gives them newest first), then cut to the <paramref name="wanted"/> newest.
    /// </summary>
    private static IQueryable<Match> Planned(CallVaultDbContext db, string text, long from, long below, long wanted, int candidates) => db.Database.SqlQuery<Match>($"""
        WITH matches AS MATERIALIZED (
            SELECT s."RowId", s."RecordingId", ts_rank(s."SearchVector", plainto_tsquery('simple', {text})) AS "Rank"
            FROM "RecordingSearch" s
            WHERE s."SearchVector" @@ plainto_tsquery('simple', {text}) AND s."RowId" >= {from} AND s."RowId" < {below}),
        newest AS MATERIALIZED (SELECT * FROM matches ORDER BY "RowId" DESC LIMIT {wanted})
        SELECT "RowId", "RecordingId", "Rank"::float8 AS "Rank", (SELECT count(*) FROM newest) AS "Found"
        FROM newest ORDER BY "Rank" DESC, "RowId" DESC LIMIT {candidates}
        """);

    private sealed record Match(long RowId, Guid RecordingId, double Rank, long Found);

    private sealed record RecordingCall(Guid RecordingId, Guid CallId);
}
