using CallVault.Migrations.Postgres;
using Npgsql;

namespace CallVault.Infrastructure.Persistence;

/// <summary>
/// The PostgreSQL scripts, each in its own transaction, under a session advisory lock so that
/// instances starting together migrate one after the other (the later ones find nothing to do).
/// </summary>
internal static class PostgresSchemaMigration
{
    /// <summary>The advisory lock key: any fixed number CallVault alone uses ("CVMIGRAT").</summary>
    internal const long LockKey = 0x43564D4947524154;

    public static async Task<int> MigrateAsync(string connectionString, TimeProvider time, Action<int, string> applied, CancellationToken cancellationToken)
    {
        // Not pooled: the session lock must end with this connection, never outlive it in a pool.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({LockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, null,
                """CREATE TABLE IF NOT EXISTS "__SchemaVersions" ("Version" integer NOT NULL PRIMARY KEY, "Name" text NOT NULL, "AppliedAt" timestamptz NOT NULL);""",
                cancellationToken);

            var count = 0;
            foreach (var (version, name, sql) in PostgresMigrations.All())
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using (var check = new NpgsqlCommand("""SELECT COUNT(*) FROM "__SchemaVersions" WHERE "Version" = @v""", connection, transaction))
                {
                    check.Parameters.AddWithValue("v", version);
                    if ((long)(await check.ExecuteScalarAsync(cancellationToken))! > 0)
                    {
                        continue;
                    }
                }

                await ExecuteAsync(connection, transaction, sql, cancellationToken);
                await using (var record = new NpgsqlCommand("""INSERT INTO "__SchemaVersions" ("Version", "Name", "AppliedAt") VALUES (@v, @n, @t)""", connection, transaction))
                {
                    record.Parameters.AddWithValue("v", version);
                    record.Parameters.AddWithValue("n", name);
                    record.Parameters.AddWithValue("t", time.GetUtcNow().UtcDateTime);
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                applied(version, name);
                count++;
            }

            return count;
        }
        finally
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
