using System.Globalization;
using CallVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Search;

/// <summary>
/// FTS5 over <c>RecordingSearch</c> (kept in sync with <c>Recordings</c> by triggers, migration 0009):
/// BM25 (FTS5's default <c>rank</c>) ranks each of the newest matching recordings (<see cref="SearchWindow"/>), found by
/// walking FTS5's doclists backwards; a call takes its best recording's rank; transcript words weigh the same as summary words;
/// of equally good matches the newer comes first.
/// The match is materialized first: bm25() cannot be evaluated once SQLite flattens it into the join.
/// Only the best-ranked recordings are joined to their calls: FTS5 ranks in its own index, and only these few rows
/// are then looked up in the archive.
/// </summary>
internal sealed class SqliteCallTextSearch(SearchWindow window) : ICallTextSearch
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
                WITH recent AS MATERIALIZED (
                    SELECT "rowid" AS "RowId" FROM "RecordingSearch" WHERE "RecordingSearch" MATCH $query
                    ORDER BY "rowid" DESC LIMIT $window),
                m AS MATERIALIZED (
                    SELECT "rowid" AS "RowId", "rank" AS "Rank" FROM "RecordingSearch" WHERE "RecordingSearch" MATCH $query
                        AND "rowid" >= (SELECT MIN("RowId") FROM recent)
                    ORDER BY "rank", "rowid" DESC LIMIT $candidates)
                SELECT r."CallId", MIN(m."Rank") AS "Rank", MAX(m."RowId") AS "Newest"
                FROM m
                JOIN "RecordingSearchRows" k ON k."RowId" = m."RowId"
                JOIN "Recordings" r ON r."Id" = k."RecordingId"
                WHERE r."CallId" IS NOT NULL
                GROUP BY r."CallId"
                ORDER BY "Rank", "Newest" DESC
                LIMIT $limit
                """;
            var query = command.CreateParameter();
            query.ParameterName = "$query";
            query.Value = SearchTerms.ToFts5(terms);
            command.Parameters.Add(query);
            var candidates = command.CreateParameter();
            candidates.ParameterName = "$candidates";
            candidates.Value = limit * SearchWindow.CandidatesPerHit;
            command.Parameters.Add(candidates);
            var newest = command.CreateParameter();
            newest.ParameterName = "$window";
            newest.Value = window.RankedRecordings;
            command.Parameters.Add(newest);
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
