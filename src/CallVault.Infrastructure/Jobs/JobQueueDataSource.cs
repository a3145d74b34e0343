using CallVault.Infrastructure.Persistence;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CallVault.Infrastructure.Jobs;

/// <summary>
/// On PostgreSQL, the job queue's own connection pool. Its connections only ever run the queue's
/// statements, which change no session state, so they are handed back without the reset Npgsql
/// otherwise runs before a pooled connection's next statement (a server round of RESET ALL, CLOSE ALL,
/// UNLISTEN * … on every claim). At most two connections a worker (its claim or completion, and the
/// heartbeat of its job) and a few for imports and reconciliations running in process: more would only
/// take the server's connection slots. Null on SQLite.
/// </summary>
public sealed class JobQueueDataSource(IOptions<DatabaseOptions> options, IOptions<JobOptions> jobs) : IAsyncDisposable
{
    private readonly Lazy<NpgsqlDataSource?> _dataSource = new(() => options.Value.IsPostgres ? Create(options.Value, jobs.Value) : null);

    public NpgsqlDataSource? Postgres => _dataSource.Value;

    public async ValueTask DisposeAsync()
    {
        if (_dataSource is { IsValueCreated: true, Value: { } dataSource })
        {
            await dataSource.DisposeAsync();
        }
    }

    private static NpgsqlDataSource Create(DatabaseOptions options, JobOptions jobs)
    {
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString) { NoResetOnClose = true };
        builder.MaxPoolSize = Math.Min(builder.MaxPoolSize, (2 * jobs.Workers) + 4);
        builder.MinPoolSize = Math.Min(builder.MinPoolSize, builder.MaxPoolSize);
        return NpgsqlDataSource.Create(builder);
    }
}
