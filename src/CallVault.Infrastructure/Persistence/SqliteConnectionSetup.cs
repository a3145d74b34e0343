using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CallVault.Infrastructure.Persistence;

/// <summary>
/// Sets up every SQLite connection as it opens (pooled ones too, each time they are taken):
/// SQLite itself waits for the write lock (<c>busy_timeout</c>, fine-grained sleeps) instead of the
/// driver's managed retry, which sleeps 150 ms per attempt and turns every brief contention into a
/// long stall; and every commit is durable (<c>synchronous = FULL</c>) unless the unit of work relaxed
/// it for itself (<see cref="CommitDurability"/>), so a relaxed setting never outlives its user; and
/// commits leave the write-ahead log's checkpoints to the background (<see cref="AutoCheckpointPages"/>).
/// </summary>
internal sealed class SqliteConnectionSetup(int busyTimeoutSeconds) : DbConnectionInterceptor
{
    /// <summary>
    /// Log pages after which a commit checkpoints by itself (64 MB of 4 KB pages; SQLite's default is 1,000):
    /// a safety net only, the <see cref="SqliteCheckpointer"/> does it in the background long before.
    /// </summary>
    public const int AutoCheckpointPages = 16_000;

    private readonly string _pragmas = string.Create(CultureInfo.InvariantCulture,
        $"PRAGMA busy_timeout = {busyTimeoutSeconds * 1000}; PRAGMA synchronous = FULL; PRAGMA wal_autocheckpoint = {AutoCheckpointPages};");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteAll();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        await command.ExecuteAllAsync(cancellationToken);
    }
}
