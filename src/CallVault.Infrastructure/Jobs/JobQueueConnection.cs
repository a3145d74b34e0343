using System.Data.Common;
using CallVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CallVault.Infrastructure.Jobs;

/// <summary>
/// An open connection for one queue statement. On PostgreSQL a plain connection of the queue's own pool
/// (<see cref="JobQueueDataSource"/>) whose statements are prepared: the server then parses and plans a
/// claim once per connection instead of on every claim, which was half of a claim's cost. On SQLite the connection of an EF Core context, so it gets the same set-up
/// (busy timeout) as every other, with relaxed commit durability (<see cref="CommitDurability"/>).
/// </summary>
internal sealed class JobQueueConnection : IAsyncDisposable
{
    private readonly CallVaultDbContext? _context;
    private readonly NpgsqlConnection? _postgres;

    private JobQueueConnection(CallVaultDbContext? context, NpgsqlConnection? postgres)
    {
        _context = context;
        _postgres = postgres;
    }

    public bool IsPostgres => _postgres is not null;

    /// <summary>Opens a connection from <paramref name="postgres"/> when given, else through an EF Core context.</summary>
    public static async Task<JobQueueConnection> OpenAsync(
        NpgsqlDataSource? postgres, IDbContextFactory<CallVaultDbContext> contextFactory, CancellationToken cancellationToken)
    {
        if (postgres is not null)
        {
            return new JobQueueConnection(null, await postgres.OpenConnectionAsync(cancellationToken));
        }

        var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            // A job's state is bookkeeping: if a power loss undid it, the job runs again, and the work it
            // records (e.g. "stored") was made durable by its own commit.
            await CommitDurability.RelaxAsync(db, cancellationToken);
            return new JobQueueConnection(db, null);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// SQLite: waits for this process's turn to write (<see cref="SqliteWriteGate"/>); dispose the result
    /// once the statement has ended. PostgreSQL: row locks, nothing to wait for.
    /// </summary>
    public ValueTask<SqliteWriteGate.Passage> EnterWriteGateAsync(CancellationToken cancellationToken) =>
        _context is null ? default : SqliteWriteGate.EnterAsync(_context, cancellationToken);

    /// <summary>A command for <paramref name="sql"/>; add its parameters, then <see cref="PrepareAsync"/>.</summary>
    public DbCommand Command(string sql)
    {
        DbCommand command = _postgres is not null ? _postgres.CreateCommand() : _context!.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return command;
    }

    /// <summary>Adds a typed parameter (on PostgreSQL the type fixes the prepared statement's, null values included).</summary>
    public static void Add<T>(DbCommand command, string name, T value)
    {
        if (command is NpgsqlCommand postgres)
        {
            postgres.Parameters.Add(new NpgsqlParameter<T>(name, value));
            return;
        }

        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value is null ? DBNull.Value : value;
        command.Parameters.Add(parameter);
    }

    /// <summary>
    /// PostgreSQL: prepares the statement on this physical connection, a round trip only the first time
    /// (Npgsql keeps it for the pooled connection's life). SQLite: nothing to do.
    /// </summary>
    public static Task PrepareAsync(DbCommand command, CancellationToken cancellationToken) =>
        command is NpgsqlCommand ? command.PrepareAsync(cancellationToken) : Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        if (_context is not null)
        {
            await _context.DisposeAsync();
        }
    }
}
