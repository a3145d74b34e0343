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
        await MigrationScriptRunner.ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({LockKey})", cancellationToken);
        try
        {
            return await MigrationScriptRunner.ApplyAsync(
                connection,
                """CREATE TABLE IF NOT EXISTS "__SchemaVersions" ("Version" integer NOT NULL PRIMARY KEY, "Name" text NOT NULL, "AppliedAt" timestamptz NOT NULL);""",
                MigrationScript.All(PostgresMigrations.Assembly), time, applied, cancellationToken);
        }
        finally
        {
            await MigrationScriptRunner.ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }
}
