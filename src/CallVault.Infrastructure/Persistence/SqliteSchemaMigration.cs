using CallVault.Migrations.Sqlite;
using Microsoft.Data.Sqlite;

namespace CallVault.Infrastructure.Persistence;

/// <summary>The SQLite scripts, each in its own transaction (<c>BEGIN IMMEDIATE</c> holds the write lock); the file is switched to WAL first.</summary>
internal static class SqliteSchemaMigration
{
    /// <summary>Which scripts are applied, and when.</summary>
    public const string VersionTable =
        """CREATE TABLE IF NOT EXISTS "__SchemaVersions" ("Version" INTEGER NOT NULL PRIMARY KEY, "Name" TEXT NOT NULL, "AppliedAt" TEXT NOT NULL);""";

    public static async Task<int> MigrateAsync(string connectionString, TimeProvider time, Action<int, string> applied, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await MigrationScriptRunner.ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken);
        return await MigrationScriptRunner.ApplyAsync(
            connection, VersionTable, MigrationScript.All(SqliteMigrations.Assembly), time, applied, cancellationToken);
    }
}
