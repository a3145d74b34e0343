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
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (builder.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        return builder.ToString();
    }
}
