using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Persistence;

/// <summary>
/// Copies SQLite's write-ahead log back into the database file in the background, ten times a second, on a
/// connection of its own. Left to itself SQLite does that inside whichever commit crosses 1,000 log pages,
/// so every few webhook batches one of them also wrote those pages back and flushed the database file
/// before it could answer.
/// Each round is two passive checkpoints. The first copies the bulk while writers go on. The second runs with
/// this process's writers held at the <see cref="SqliteWriteGate"/>: it copies the little they wrote meanwhile
/// and flushes the database file, so the whole log is in the file and the next commit starts the log again
/// from its beginning. Under steady writes one checkpoint always left the last pages behind, so the log grew
/// until a commit crossed <see cref="SqliteConnectionSetup.AutoCheckpointPages"/> and checkpointed inside itself,
/// flushing a second's worth of copied pages: a 30–45 ms commit about every second at half the webhook
/// writer's saturation, which set the webhooks' p99. Held at the gate, writers now wait a few milliseconds,
/// the flush of the last 100 ms of pages. Neither checkpoint waits for SQLite's own locks (a reader still on
/// an older snapshot only leaves the round incomplete); a failed round is tried again at the next tick, and a run
/// of failures is logged once when it starts and once when it ends, not ten times a second.
/// </summary>
internal sealed partial class SqliteCheckpointer(
    IOptions<DatabaseOptions> options, SqliteWriteGate writeGate, TimeProvider time, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly Lazy<string> _connectionString = new(() => SqliteConnectionFactory.Prepare(options.Value));
    private bool _failing;

    /// <summary>One round (see above): how many pages the log holds and how many of them are in the database file.</summary>
    public async Task<CheckpointResult> CheckpointAsync(CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(_connectionString.Value);
        await connection.OpenAsync(cancellationToken);
        await PassiveAsync(connection, cancellationToken);
        using (await writeGate.EnterAsync(cancellationToken))
        {
            return await PassiveAsync(connection, cancellationToken);
        }
    }

    private static async Task<CheckpointResult> PassiveAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new CheckpointResult(reader.GetInt64(1), reader.GetInt64(2)) : new CheckpointResult(0, 0);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.IsPostgres)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await CheckpointAsync(stoppingToken);
                    if (_failing)
                    {
                        _failing = false;
                        LogCheckpointRecovered(logger);
                    }
                }
                catch (SqliteException ex)
                {
                    if (!_failing)
                    {
                        _failing = true;
                        LogCheckpointFailed(logger, ex);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: SQLite checkpoints when the last connection closes.
        }
    }

    [LoggerMessage(EventId = 110, Level = LogLevel.Warning, Message = "Background checkpoint of the SQLite write-ahead log failed; commits checkpoint by themselves until it works again")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 111, Level = LogLevel.Information, Message = "Background checkpoints of the SQLite write-ahead log work again")]
    private static partial void LogCheckpointRecovered(ILogger logger);
}

/// <summary>The log's pages after a checkpoint, and how many of them are copied into the database file.</summary>
internal readonly record struct CheckpointResult(long LogPages, long CopiedPages)
{
    /// <summary>Everything is in the database file: the next commit writes the log from its beginning again.</summary>
    public bool IsComplete => CopiedPages == LogPages;
}
