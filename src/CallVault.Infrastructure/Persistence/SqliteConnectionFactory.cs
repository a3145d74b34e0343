using Microsoft.Data.Sqlite;

namespace CallVault.Infrastructure.Persistence;

/// <summary>Turns the configured connection string into the one CallVault opens (folder created, busy timeout set).</summary>
internal static class SqliteConnectionFactory
{
    public static string Prepare(DatabaseOptions options)
    {
        var builder = new SqliteConnectionStringBuilder(options.ConnectionString)
        {
            DefaultTimeout = options.BusyTimeoutSeconds,
            Pooling = true,
            ForeignKeys = true,
        };
        var folder = Path.GetDirectoryName(DatabaseFile(builder));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        return builder.ToString();
    }

    /// <summary>The full path of the database file; null for an in-memory database.</summary>
    public static string? DatabaseFile(SqliteConnectionStringBuilder builder) =>
        builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:" ? null : Path.GetFullPath(builder.DataSource);
}
