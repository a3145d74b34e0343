namespace CallVault.Infrastructure.Jobs;

/// <summary>
/// The statements a lease holder runs on its job, the same on both databases; each changes the row only
/// while <c>@owner</c> still holds it (parameters <c>@id</c>, <c>@owner</c>, <c>@now</c> and their own).
/// </summary>
internal static class JobLeaseSql
{
    /// <summary><c>@lease</c>: the new expiry.</summary>
    public const string Renew = """
        UPDATE "Jobs" SET "LeaseExpiresAt" = @lease, "UpdatedAt" = @now
        WHERE "Id" = @id AND "LeaseOwner" = @owner AND "State" = 'Running'
        """;

    /// <summary>Ends the run with <c>@state</c>, <c>@runAfter</c> and <c>@error</c> (the attempt-history trigger ends its attempt).</summary>
    public const string Complete = """
        UPDATE "Jobs" SET "State" = @state, "RunAfter" = @runAfter, "LastError" = @error,
            "LeaseOwner" = NULL, "LeaseExpiresAt" = NULL, "UpdatedAt" = @now
        WHERE "Id" = @id AND "LeaseOwner" = @owner
        """;

    /// <summary>Hands the job back runnable at once, the attempt it spent given back.</summary>
    public const string Release = """
        UPDATE "Jobs" SET "State" = 'Queued', "RunAfter" = @now, "Attempts" = CASE WHEN "Attempts" > 0 THEN "Attempts" - 1 ELSE 0 END,
            "LeaseOwner" = NULL, "LeaseExpiresAt" = NULL, "UpdatedAt" = @now
        WHERE "Id" = @id AND "LeaseOwner" = @owner
        """;
}
