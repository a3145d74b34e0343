namespace CallVault.Infrastructure.Jobs;

/// <summary>
/// The claim statement per database; parameters <c>@owner</c>, <c>@lease</c>, <c>@now</c>. The next job is
/// the earliest of two candidates, each found by its own walk of <c>IX_Jobs_Claim_Order</c> (State, RunAfter, Id):
/// a queued job that is due, and a running one whose lease expired (its worker died). One condition with
/// <c>OR</c> over both states cannot use the index in order, so every claim scanned and sorted the whole
/// backlog (80 ms a claim at 20,000 queued jobs on PostgreSQL).
/// </summary>
internal static class JobClaimSql
{
    /// <summary>SQLite has one writer at a time, so the sub-select and the update cannot race.</summary>
    public const string Sqlite = """
        UPDATE "Jobs" SET "State" = 'Running', "LeaseOwner" = @owner, "LeaseExpiresAt" = @lease,
            "Attempts" = "Attempts" + 1, "UpdatedAt" = @now
        WHERE "Id" = (
            SELECT "Id" FROM (
                SELECT * FROM (
                    SELECT "Id", "RunAfter" FROM "Jobs" WHERE "State" = 'Queued' AND "RunAfter" <= @now
                    ORDER BY "RunAfter", "Id" LIMIT 1)
                UNION ALL
                SELECT * FROM (
                    SELECT "Id", "RunAfter" FROM "Jobs" WHERE "State" = 'Running' AND "LeaseExpiresAt" < @now
                    ORDER BY "RunAfter", "Id" LIMIT 1))
            ORDER BY "RunAfter", "Id" LIMIT 1)
        RETURNING "Id", "Kind", "RecordingId", "Attempts";
        """;

    /// <summary>
    /// PostgreSQL: concurrent claims from every instance lock the rows they pick and skip rows another
    /// claim holds, so they never wait on each other nor take the same job. The candidate not taken is
    /// unlocked when the statement ends.
    /// </summary>
    public const string Postgres = """
        WITH queued AS (
            SELECT "Id", "RunAfter" FROM "Jobs" WHERE "State" = 'Queued' AND "RunAfter" <= @now
            ORDER BY "RunAfter", "Id" LIMIT 1
            FOR UPDATE SKIP LOCKED),
        expired AS (
            SELECT "Id", "RunAfter" FROM "Jobs" WHERE "State" = 'Running' AND "LeaseExpiresAt" < @now
            ORDER BY "RunAfter", "Id" LIMIT 1
            FOR UPDATE SKIP LOCKED),
        next AS (
            SELECT "Id" FROM (SELECT * FROM queued UNION ALL SELECT * FROM expired) AS candidates
            ORDER BY "RunAfter", "Id" LIMIT 1)
        UPDATE "Jobs" AS j SET "State" = 'Running', "LeaseOwner" = @owner, "LeaseExpiresAt" = @lease,
            "Attempts" = j."Attempts" + 1, "UpdatedAt" = @now
        FROM next WHERE j."Id" = next."Id"
        RETURNING j."Id", j."Kind", j."RecordingId", j."Attempts";
        """;
}
