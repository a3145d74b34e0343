namespace CallVault.Infrastructure.Jobs;

/// <summary>
/// The claim statement per database; parameters <c>@owner</c>, <c>@lease</c>, <c>@now</c>. The next job is
/// the earlier (by RunAfter, then Id) of two candidates, each found by its own index walk: the first due
/// queued job in <c>IX_Jobs_Claim_Order</c> (State, RunAfter, Id), and the first expired lease (its worker
/// died) in <c>IX_Jobs_Lease_Expiry</c>. One condition with <c>OR</c> over both states cannot use an index
/// in order; and a walk of the claim index's running jobs read every running job, and every entry a
/// finished run left behind until vacuum, on every claim (quadratic as a backlog was claimed).
/// Only a running job holds a lease (every statement that ends a run clears it): the lease candidate is
/// looked up by its expiry alone, so no planner working from stale statistics can pick the claim index
/// for it, and its state is checked after.
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
                SELECT "Id", "RunAfter" FROM (
                    SELECT "Id", "RunAfter", "State" FROM "Jobs" WHERE "LeaseExpiresAt" < @now
                    ORDER BY "LeaseExpiresAt" LIMIT 1)
                WHERE "State" = 'Running')
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
            SELECT "Id", "RunAfter", "State" FROM "Jobs" WHERE "LeaseExpiresAt" < @now
            ORDER BY "LeaseExpiresAt" LIMIT 1
            FOR UPDATE SKIP LOCKED),
        next AS (
            SELECT "Id" FROM (
                SELECT "Id", "RunAfter" FROM queued
                UNION ALL
                SELECT "Id", "RunAfter" FROM expired WHERE "State" = 'Running') AS candidates
            ORDER BY "RunAfter", "Id" LIMIT 1)
        UPDATE "Jobs" AS j SET "State" = 'Running', "LeaseOwner" = @owner, "LeaseExpiresAt" = @lease,
            "Attempts" = j."Attempts" + 1, "UpdatedAt" = @now
        FROM next WHERE j."Id" = next."Id"
        RETURNING j."Id", j."Kind", j."RecordingId", j."Attempts";
        """;
}
