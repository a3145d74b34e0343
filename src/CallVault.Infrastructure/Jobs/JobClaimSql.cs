namespace CallVault.Infrastructure.Jobs;

/// <summary>The claim statement per database; parameters <c>@owner</c>, <c>@lease</c>, <c>@now</c>.</summary>
internal static class JobClaimSql
{
    /// <summary>SQLite has one writer at a time, so the sub-select and the update cannot race.</summary>
    public const string Sqlite = """
        UPDATE "Jobs" SET "State" = 'Running', "LeaseOwner" = @owner, "LeaseExpiresAt" = @lease,
            "Attempts" = "Attempts" + 1, "UpdatedAt" = @now
        WHERE "Id" = (
            SELECT "Id" FROM "Jobs"
            WHERE ("State" = 'Queued' AND "RunAfter" <= @now)
               OR ("State" = 'Running' AND "LeaseExpiresAt" < @now)
            ORDER BY "RunAfter", "Id" LIMIT 1)
        RETURNING "Id", "Kind", "RecordingId", "Attempts";
        """;

    /// <summary>
    /// PostgreSQL: concurrent claims from every instance lock the row they pick and skip rows
    /// another claim holds, so they never wait on each other nor take the same job.
    /// </summary>
    public const string Postgres = """
        WITH next AS (
            SELECT "Id" FROM "Jobs"
            WHERE ("State" = 'Queued' AND "RunAfter" <= @now)
               OR ("State" = 'Running' AND "LeaseExpiresAt" < @now)
            ORDER BY "RunAfter", "Id" LIMIT 1
            FOR UPDATE SKIP LOCKED)
        UPDATE "Jobs" AS j SET "State" = 'Running', "LeaseOwner" = @owner, "LeaseExpiresAt" = @lease,
            "Attempts" = j."Attempts" + 1, "UpdatedAt" = @now
        FROM next WHERE j."Id" = next."Id"
        RETURNING j."Id", j."Kind", j."RecordingId", j."Attempts";
        """;
}
