using System.Data.Common;
using System.Globalization;

namespace CallVault.Infrastructure.Persistence;

/// <summary>
/// The apply loop both databases share: the version table, then each script not yet recorded, run and
/// recorded in one transaction. Each database opens the connection and holds its own lock around this.
/// </summary>
internal static class MigrationScriptRunner
{
    public static async Task<int> ApplyAsync(
        DbConnection connection, string createVersionTable, IReadOnlyList<MigrationScript> scripts,
        TimeProvider time, Action<int, string> applied, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, null, createVersionTable, cancellationToken);
        var count = 0;
        foreach (var (version, name, sql) in scripts)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var check = Command(connection, transaction, """SELECT COUNT(*) FROM "__SchemaVersions" WHERE "Version" = @v"""))
            {
                AddParameter(check, "@v", version);
                if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0)
                {
                    continue;
                }
            }

            await ExecuteAsync(connection, transaction, sql, cancellationToken);
            await using (var record = Command(connection, transaction, """INSERT INTO "__SchemaVersions" ("Version", "Name", "AppliedAt") VALUES (@v, @n, @t)"""))
            {
                AddParameter(record, "@v", version);
                AddParameter(record, "@n", name);
                AddParameter(record, "@t", time.GetUtcNow().UtcDateTime);
                await record.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            applied(version, name);
            count++;
        }

        return count;
    }

    public static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteAllAsync(cancellationToken);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
