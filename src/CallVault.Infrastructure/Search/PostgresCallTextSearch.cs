using CallVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Search;

/// <summary>
/// PostgreSQL: <c>RecordingSearch</c> (a tsvector per recording over transcript and summary, kept by triggers,
/// migration 0015) matched with <c>plainto_tsquery</c> (every word, no operators). Each of the newest matching
/// recordings (<see cref="SearchWindow"/>) is ranked with <c>ts_rank</c>; a call takes its best recording's rank.
/// </summary>
internal sealed class PostgresCallTextSearch(SearchWindow window) : ICallTextSearch
{
    public async Task<IReadOnlyList<CallSearchHit>> SearchAsync(CallVaultDbContext db, IReadOnlyList<string> terms, int limit, CancellationToken cancellationToken)
    {
        if (terms.Count == 0)
        {
            return [];
        }

        var text = string.Join(' ', terms);
        var candidates = limit * SearchWindow.CandidatesPerHit;
        // The newest matches come from a backwards walk of the RowId index (a common word) or from the GIN index and a
        // sort (a rare one), whichever the planner finds cheaper from the words' statistics (the query is planned with
        // its text). Rows are ranked as they are read: on the walk, exactly the window; through the GIN index, its few matches.
        var rows = await db.Database.SqlQuery<Row>($"""
            WITH recent AS MATERIALIZED (
                SELECT s."RecordingId", ts_rank(s."SearchVector", plainto_tsquery('simple', {text})) AS "Rank"
                FROM "RecordingSearch" s
                WHERE s."SearchVector" @@ plainto_tsquery('simple', {text})
                ORDER BY s."RowId" DESC LIMIT {window.RankedRecordings}),
            best AS MATERIALIZED (SELECT * FROM recent ORDER BY "Rank" DESC LIMIT {candidates})
            SELECT r."CallId" AS "CallId", MAX(best."Rank")::float8 AS "Score"
            FROM best JOIN "Recordings" r ON r."Id" = best."RecordingId"
            WHERE r."CallId" IS NOT NULL
            GROUP BY r."CallId"
            ORDER BY "Score" DESC, r."CallId"
            LIMIT {limit}
            """).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new CallSearchHit(r.CallId, r.Score))];
    }

    private sealed record Row(Guid CallId, double Score);
}
