using CallVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Search;

/// <summary>
/// PostgreSQL: the generated <c>SearchVector</c> (tsvector over transcript and summary, GIN index,
/// migration 0009) matched with <c>plainto_tsquery</c> (every word, no operators); a call takes its best
/// recording's <c>ts_rank</c>.
/// </summary>
internal sealed class PostgresCallTextSearch : ICallTextSearch
{
    public async Task<IReadOnlyList<CallSearchHit>> SearchAsync(CallVaultDbContext db, IReadOnlyList<string> terms, int limit, CancellationToken cancellationToken)
    {
        if (terms.Count == 0)
        {
            return [];
        }

        var text = string.Join(' ', terms);
        var rows = await db.Database.SqlQuery<Row>($"""
            SELECT r."CallId" AS "CallId", MAX(ts_rank(r."SearchVector", q))::float8 AS "Score"
            FROM "Recordings" r, plainto_tsquery('simple', {text}) q
            WHERE r."SearchVector" @@ q AND r."CallId" IS NOT NULL
            GROUP BY r."CallId"
            ORDER BY "Score" DESC, r."CallId"
            LIMIT {limit}
            """).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new CallSearchHit(r.CallId, r.Score))];
    }

    private sealed record Row(Guid CallId, double Score);
}
