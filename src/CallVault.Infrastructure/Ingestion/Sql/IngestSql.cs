using System.Data.Common;
using System.Text.RegularExpressions;
using CallVault.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CallVault.Infrastructure.Ingestion.Sql;

/// <summary>
/// The writer's open connection and transaction for one batch, with each statement prepared once
/// and reused for every event of the batch (parameters are named <c>@name</c> in the SQL text and
/// created from it). Also applying one event of the batch, in a savepoint of its own when asked (issued
/// as plain SQL so it costs one statement).
/// The same SQL runs on SQLite and PostgreSQL; <see cref="SqlValue"/> gives each its value forms.
/// </summary>
internal sealed partial class IngestSql(DbConnection connection, DbTransaction? transaction) : IDisposable
{
    private const string SavepointName = "ingest_event";
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>
    /// Runs a SQL command on an EF context's connection and current transaction (for callers outside
    /// the writer, which hold a context rather than a batch). The context must track no pending changes
    /// the command depends on: the SQL sees only what was saved.
    /// </summary>
    public static async Task<IngestResult> ApplyOnContextAsync(CallVaultDbContext db, ISqlIngestCommand command, DateTime now, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            using var sql = new IngestSql(connection, transaction);
            return command.Apply(sql, now);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The prepared command for <paramref name="sql"/>; set its parameters, then execute it.</summary>
    public DbCommand Command(string sql)
    {
        if (_commands.TryGetValue(sql, out var command))
        {
            return command;
        }

        command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in ParameterNames().Matches(sql).Select(m => m.Value).Distinct(StringComparer.Ordinal))
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = DBNull.Value;
            command.Parameters.Add(parameter);
        }

        // SQLite compiles the statement once here. PostgreSQL would fix each parameter's type at
        // preparation, before the first value is known, so it is sent unprepared and typed per value.
        if (connection is SqliteConnection)
        {
            command.Prepare();
        }

        _commands.Add(sql, command);
        return command;
    }

    /// <summary>
    /// One event, in its own savepoint when <paramref name="isolated"/> so that its failure undoes only
    /// its own changes. The Twilio hot paths run as prepared SQL; any other command through EF Core
    /// (saved, then the tracker cleared).
    /// </summary>
    public async Task<(IngestResult? Result, Exception? Error)> ApplyAsync(
        CallVaultDbContext db, IIngestCommand command, DateTime now, bool isolated, CancellationToken stoppingToken)
    {
        if (isolated)
        {
            Savepoint();
        }

        try
        {
            IngestResult result;
            if (command is ISqlIngestCommand direct)
            {
                result = direct.Apply(this, now);
            }
            else
            {
                result = await command.ApplyAsync(db, now, stoppingToken);
                await db.SaveChangesAsync(stoppingToken);
            }

            if (isolated)
            {
                Release();
            }

            return (result, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            if (isolated)
            {
                RollBackToSavepoint();
            }

            return (null, ex);
        }
        finally
        {
            if (command is not ISqlIngestCommand)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private void Savepoint() => Command("SAVEPOINT " + SavepointName).ExecuteNonQuery();

    private void Release() => Command("RELEASE SAVEPOINT " + SavepointName).ExecuteNonQuery();

    /// <summary>Undoes everything since <see cref="Savepoint"/> and leaves the transaction as it was before it.</summary>
    private void RollBackToSavepoint()
    {
        Command("ROLLBACK TO SAVEPOINT " + SavepointName).ExecuteNonQuery();
        Release();
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }

    [GeneratedRegex(@"@[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex ParameterNames();
}
