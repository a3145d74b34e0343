using CallVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Scheduling;

/// <summary>
/// Lets one instance among several run a piece of scheduled work per interval: every instance asks
/// on its own tick, and the database hands the named lease to the first asker once the previous
/// holder's has run out. One upsert, the same on SQLite and PostgreSQL.
/// </summary>
public sealed class ScheduledWorkLease(IDbContextFactory<CallVaultDbContext> contextFactory, TimeProvider time)
{
    /// <summary>A lease lasts this share of the interval, so the next tick of any instance finds it free despite timer drift.</summary>
    private const double IntervalShare = 0.9;

    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>This instance, as lease rows name it.</summary>
    public string Owner => _owner;

    /// <summary>True when this instance now holds <paramref name="name"/> for (most of) <paramref name="interval"/> and should run the work.</summary>
    public async Task<bool> TryAcquireAsync(string name, TimeSpan interval, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + (interval * IntervalShare);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var taken = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "ScheduledLeases" ("Name", "Owner", "AcquiredAt", "ExpiresAt") VALUES ({name}, {_owner}, {now}, {until})
            ON CONFLICT ("Name") DO UPDATE SET "Owner" = excluded."Owner", "AcquiredAt" = excluded."AcquiredAt", "ExpiresAt" = excluded."ExpiresAt"
            WHERE "ScheduledLeases"."ExpiresAt" <= {now}
            """,
            cancellationToken);
        return taken == 1;
    }
}
