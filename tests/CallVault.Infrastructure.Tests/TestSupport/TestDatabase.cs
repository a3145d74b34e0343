using System.Collections.Concurrent;
using CallVault.Infrastructure.Persistence;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CallVault.Tests.TestSupport;

/// <summary>
/// The database a test runs on: SQLite (a file in the test's folder) by default, or PostgreSQL when
/// <see cref="PostgresRun"/> (<c>CALLVAULT_TEST_DATABASE=postgres</c>, with <c>CALLVAULT_TEST_POSTGRES</c>
/// the server's connection string, as <c>test.sh</c> exports them). On PostgreSQL each test folder
/// gets its own database, copied from a template migrated once per server by the real migrator, so a
/// test costs one <c>CREATE DATABASE</c>; a server restarted on the same folder finds the same database.
/// </summary>
internal sealed class TestDatabase
{
    private const string TemplateName = "callvault_test_template";
    private const string SqliteFileName = "callvault.db";

    private static readonly ConcurrentDictionary<string, TestDatabase> ByFolder = new(StringComparer.Ordinal);
    private static readonly Lock TemplateGate = new();
    private static bool _templateReady;

    private readonly string? _postgresName;

    private TestDatabase(string provider, string connectionString, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _postgresName = postgresName;
    }

    public static bool PostgresRun =>
        string.Equals(Environment.GetEnvironmentVariable("CALLVAULT_TEST_DATABASE"), DatabaseProviders.Postgres, StringComparison.OrdinalIgnoreCase);

    /// <summary>The server's connection string (any database on it); only on PostgreSQL runs.</summary>
    public static string ServerConnectionString => Environment.GetEnvironmentVariable("CALLVAULT_TEST_POSTGRES")
        ?? throw new InvalidOperationException("CALLVAULT_TEST_DATABASE=postgres needs CALLVAULT_TEST_POSTGRES (test.sh exports both).");

    public string Provider { get; }

    public string ConnectionString { get; }

    /// <summary>Whether this one is a PostgreSQL database (dropped by <see cref="Drop"/>).</summary>
    public bool IsPostgres => _postgresName is not null;

    /// <summary>Settings for <c>CallVault:Database</c>.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("CallVault:Database:Provider", Provider),
        new("CallVault:Database:ConnectionString", ConnectionString),
    ];

    /// <summary>A new open connection to this database, for a test's own checks.</summary>
    public async Task<System.Data.Common.DbConnection> OpenAsync()
    {
        System.Data.Common.DbConnection connection = IsPostgres
            ? new NpgsqlConnection(ConnectionString)
            : new Microsoft.Data.Sqlite.SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>
    /// The database of a test folder: its SQLite file, or its own PostgreSQL database (made on first
    /// use: migrated, or empty when <paramref name="migrated"/> is false, as a new SQLite file is).
    /// </summary>
    public static TestDatabase For(string folder, bool migrated = true) =>
        ByFolder.GetOrAdd(Path.GetFullPath(folder), f => Create(f, migrated, PostgresRun));

    /// <summary>
    /// A migrated PostgreSQL database for the folder whatever the run, for tests that only mean
    /// something there (several instances on one database); fails, never skips, without a server.
    /// </summary>
    public static TestDatabase ForPostgres(string folder)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CALLVAULT_TEST_POSTGRES")))
        {
            throw new InvalidOperationException(
                "This test needs PostgreSQL: set CALLVAULT_TEST_POSTGRES to a server's connection string " +
                "(./test.sh starts one and sets it; its PostgreSQL pass runs the tests traited Database=postgres).");
        }

        return ByFolder.GetOrAdd(Path.GetFullPath(folder), f => Create(f, migrated: true, postgres: true));
    }

    /// <summary>Drops the folder's PostgreSQL database, if it has one (a SQLite file goes with the folder).</summary>
    public static void Drop(string folder)
    {
        if (!ByFolder.TryRemove(Path.GetFullPath(folder), out var database) || database._postgresName is null)
        {
            return;
        }

        using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        Admin($"""DROP DATABASE IF EXISTS "{database._postgresName}" WITH (FORCE)""");
    }

    private static TestDatabase Create(string folder, bool migrated, bool postgres)
    {
        if (!postgres)
        {
            return new TestDatabase(DatabaseProviders.Sqlite, $"Data Source={Path.Combine(folder, SqliteFileName)}", null);
        }

        var name = "cv_" + Guid.NewGuid().ToString("N");
        if (migrated)
        {
            EnsureTemplate();
            Admin($"""CREATE DATABASE "{name}" TEMPLATE "{TemplateName}" """);
        }
        else
        {
            Admin($"""CREATE DATABASE "{name}" """);
        }

        return new TestDatabase(DatabaseProviders.Postgres, WithDatabase(name), name);
    }

    private static string WithDatabase(string name) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;

    /// <summary>Test processes running side by side take turns through an advisory lock; the first one migrates.</summary>
    private static void EnsureTemplate()
    {
        lock (TemplateGate)
        {
            if (_templateReady)
            {
                return;
            }

            var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres", Pooling = false };
            using var admin = new NpgsqlConnection(builder.ConnectionString);
            admin.Open();
            Execute(admin, "SELECT pg_advisory_lock(20260302)");
            try
            {
                using var exists = new NpgsqlCommand("SELECT COUNT(*) FROM pg_database WHERE datname = @n", admin);
                exists.Parameters.AddWithValue("n", TemplateName);
                if ((long)exists.ExecuteScalar()! == 0)
                {
                    Execute(admin, $"""CREATE DATABASE "{TemplateName}" """);
                    var options = Options.Create(new DatabaseOptions
                    {
                        Provider = DatabaseProviders.Postgres,
                        ConnectionString = new NpgsqlConnectionStringBuilder(WithDatabase(TemplateName)) { Pooling = false }.ConnectionString,
                    });
                    new SchemaMigrator(options, TimeProvider.System, NullLogger<SchemaMigrator>.Instance)
                        .MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
                }
            }
            finally
            {
                Execute(admin, "SELECT pg_advisory_unlock(20260302)");
            }

            _templateReady = true;
        }
    }

    private static void Admin(string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres", Pooling = false };
        using var admin = new NpgsqlConnection(builder.ConnectionString);
        admin.Open();
        Execute(admin, sql);
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
