using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Persistence;

/// <summary>
/// How durable the commits of one unit of work (a context) are on SQLite. By default every commit is
/// on disk before it returns (the write-ahead log is fsynced). A context may relax: its commits survive
/// the process dying and are lost only with the machine's power, and then only together with every
/// commit after them, because the log is replayed in order; the next durable commit or log flush makes
/// them durable too. Bookkeeping whose loss only means doing work again (job claims and completions,
/// stage progress, transcripts) relaxes and stops there. What an acknowledgement relies on (a webhook's
/// batch, "stored" before the provider's copy is deleted) relaxes too, then waits for the shared
/// <see cref="SqliteLogFlush"/>. Relaxed commits hold the single write lock for microseconds instead of
/// an fsync, which is what lets several job workers and the webhook writer share one SQLite file.
/// PostgreSQL keeps its own server-wide setting; nothing changes there.
/// </summary>
public static class CommitDurability
{
    /// <summary>From now on, this context's commits need not wait for the disk.</summary>
    public static async Task RelaxAsync(CallVaultDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return;
        }

        // Kept open until the context is disposed, so the setting holds for all of its commits; the next
        // user of the pooled connection gets the default again (SqliteConnectionSetup).
        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = NORMAL;", cancellationToken);
    }
}
