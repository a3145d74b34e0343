using CallVault.Migrations.Sqlite;
using Microsoft.Data.Sqlite;

namespace CallVault.Infrastructure.Persistence;

/// <summary>The SQLite scripts, each in its own transaction; the file is switched to WAL first.</summary>
internal static class SqliteSchemaMigration
{
    public static async Task<int> MigrateAsync(string connectionString, TimeProvider time, Action<int, string> applied, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken);
        await ExecuteAsync(connection, null,
            """CREATE TABLE IF NOT EXISTS "__SchemaVersions" ("Version" INTEGER NOT NULL PRIMARY KEY, "Name" TEXT NOT NULL, "AppliedAt" TEXT NOT NULL);""",
            cancellationToken);

        var count = 0;
        foreach (var (version, name, sql) in SqliteMigrations.All())
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using (var check = connection.CreateCommand())
            {
                check.Transaction = transaction;
                check.CommandText = """SELECT COUNT(*) FROM "__SchemaVersions" WHERE "Version" = $v""";
                check.Parameters.AddWithValue("$v", version);
                if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0)
                {
                    continue;
                }
            }

            await ExecuteAsync(connection, transaction, sql, cancellationToken);
            await using (var record = connection.CreateCommand())
            {
                record.Transaction = transaction;
                record.CommandText = """INSERT INTO "__SchemaVersions" ("Version", "Name", "AppliedAt") VALUES ($v, $n, $t)""";
                record.Parameters.AddWithValue("$v", version);
                record.Parameters.AddWithValue("$n", name);
                record.Parameters.AddWithValue("$t", time.GetUtcNow().UtcDateTime);
                await record.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            applied(version, name);
            count++;
        }

        return count;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
