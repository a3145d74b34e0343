using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Persistence;

/// <summary>
/// Applies the embedded, versioned SQL scripts of the configured database in order, each in its own
/// transaction, and records them in <c>__SchemaVersions</c>; two processes never migrate at once
/// (SQLite: <c>BEGIN IMMEDIATE</c>'s write lock; PostgreSQL: an advisory lock held for the whole run).
/// </summary>
public sealed partial class SchemaMigrator(IOptions<DatabaseOptions> options, TimeProvider time, ILogger<SchemaMigrator> logger)
{
    public Task<int> MigrateAsync(CancellationToken cancellationToken) => options.Value.IsPostgres
        ? PostgresSchemaMigration.MigrateAsync(options.Value.ConnectionString, time, Applied, cancellationToken)
        : SqliteSchemaMigration.MigrateAsync(SqliteConnectionFactory.Prepare(options.Value), time, Applied, cancellationToken);

    private void Applied(int version, string name) => LogApplied(logger, version, name);

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Applied schema migration {Version} ({Name})")]
    private static partial void LogApplied(ILogger logger, int version, string name);
}
