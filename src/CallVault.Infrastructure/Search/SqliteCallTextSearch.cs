using System.Globalization;
using CallVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Search;

/// <summary>
/// FTS5 over <c>RecordingSearch</c> (kept in sync with <c>Recordings</c> by triggers, migration 0009):
/// BM25 ranks each recording, a call takes its best recording's rank; transcript words weigh the same as summary words.
/// The match is materialized first: bm25() cannot be evaluated once SQLite flattens it into the join.
/// </summary>
internal sealed class SqliteCallTextSearch : ICallTextSearch
{
    public async Task<IReadOnlyList<CallSearchHit>> SearchAsync(CallVaultDbContext db, IReadOnlyList<string> terms, int limit, CancellationToken cancellationToken)
    {
        if (terms.Count == 0)
        {
            return [];
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = """
                WITH m AS MATERIALIZED (
                    SELECT "rowid" AS "RowId", bm25("RecordingSearch") AS "Rank" FROM "RecordingSearch" WHERE "RecordingSearch" MATCH $query)
                SELECT r."CallId", MIN(m."Rank") AS "Rank"
                FROM m
                JOIN "RecordingSearchRows" k ON k."RowId" = m."RowId"
                JOIN "Recordings" r ON r."Id" = k."RecordingId"
                WHERE r."CallId" IS NOT NULL
                GROUP BY r."CallId"
                ORDER BY "Rank", r."CallId"
                LIMIT $limit
                """;
            var query = command.CreateParameter();
            query.ParameterName = "$query";
            query.Value = SearchTerms.ToFts5(terms);
            command.Parameters.Add(query);
            var max = command.CreateParameter();
            max.ParameterName = "$limit";
            max.Value = limit;
            command.Parameters.Add(max);

            List<CallSearchHit> hits = [];
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                // bm25 is lower for better matches.
                hits.Add(new CallSearchHit(Guid.Parse(reader.GetString(0), CultureInfo.InvariantCulture), -reader.GetDouble(1)));
            }

            return hits;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
