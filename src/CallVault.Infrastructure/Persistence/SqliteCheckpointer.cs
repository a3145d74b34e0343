using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Persistence;

/// <summary>
/// Copies SQLite's write-ahead log back into the database file in the background, twice a second, on a
/// connection of its own. Left to itself SQLite does that inside whichever commit crosses 1,000 log pages,
/// so every few webhook batches one of them also wrote those pages back and flushed the database file
/// before it could answer. Commits now cross the threshold only if this falls far behind
/// (<see cref="SqliteConnectionSetup.AutoCheckpointPages"/>). A passive checkpoint never waits for a lock or
/// blocks a writer; a failed one is logged and tried again at the next tick.
/// </summary>
internal sealed partial class SqliteCheckpointer(
    IOptions<DatabaseOptions> options, TimeProvider time, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    private readonly Lazy<string> _connectionString = new(() => SqliteConnectionFactory.Prepare(options.Value));

    /// <summary>One passive checkpoint; the log pages it copied back.</summary>
    public async Task<long> CheckpointAsync(CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(_connectionString.Value);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? reader.GetInt64(2) : 0;
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
                }
                catch (SqliteException ex)
                {
                    LogCheckpointFailed(logger, ex);
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
}
