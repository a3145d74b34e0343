using CallVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Scheduling;

/// <summary>
/// How far a piece of incremental scheduled work has got (a point in time per name), kept in the database
/// so a restart, or the next instance to hold the lease, carries on from there instead of starting over.
/// </summary>
internal static class ScheduledWatermarks
{
    public static async Task<DateTime?> ReadAsync(CallVaultDbContext db, string name, CancellationToken cancellationToken)
    {
        var values = await db.Database.SqlQuery<DateTime>($"""SELECT "Value" FROM "ScheduledWatermarks" WHERE "Name" = {name}""")
            .ToListAsync(cancellationToken);
        return values.Count == 0 ? null : DateTime.SpecifyKind(values[0], DateTimeKind.Utc);
    }

    public static Task WriteAsync(CallVaultDbContext db, string name, DateTime value, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "ScheduledWatermarks" ("Name", "Value") VALUES ({name}, {value})
            ON CONFLICT ("Name") DO UPDATE SET "Value" = excluded."Value"
            """,
            cancellationToken);
}
