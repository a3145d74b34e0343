using CallVault.Infrastructure.Persistence;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CallVault.Bench.Hosting;

/// <summary>
/// A fresh, migrated database on the PostgreSQL server named by <c>--postgres</c> or
/// <c>CALLVAULT_BENCH_POSTGRES</c> (a connection string; any database on the server), dropped afterwards.
/// </summary>
internal sealed class BenchPostgres : IAsyncDisposable
{
    private readonly string _server;
    private readonly string _name;

    private BenchPostgres(string server, string name)
    {
        _server = server;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static string ServerFrom(BenchContext context) => context.Args.String("postgres")
        ?? Environment.GetEnvironmentVariable("CALLVAULT_BENCH_POSTGRES")
        ?? throw new InvalidOperationException("Needs a PostgreSQL server: --postgres \"Host=127.0.0.1;Port=5432;Username=postgres\" or CALLVAULT_BENCH_POSTGRES.");

    public static async Task<BenchPostgres> CreateAsync(string server, CancellationToken cancellationToken)
    {
        var database = new BenchPostgres(server, "callvault_bench_" + Guid.NewGuid().ToString("N")[..12]);
        await database.AdminAsync($"""CREATE DATABASE "{database._name}" """, cancellationToken);
        var options = Options.Create(new DatabaseOptions { Provider = DatabaseProviders.Postgres, ConnectionString = database.ConnectionString });
        await new SchemaMigrator(options, TimeProvider.System, NullLogger<SchemaMigrator>.Instance).MigrateAsync(cancellationToken);
        return database;
    }

    /// <summary>Settings that point a CallVault at this database.</summary>
    public void Apply(IDictionary<string, string?> settings)
    {
        settings["CallVault:Database:Provider"] = DatabaseProviders.Postgres;
        settings["CallVault:Database:ConnectionString"] = ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await AdminAsync($"""DROP DATABASE IF EXISTS "{_name}" WITH (FORCE)""", CancellationToken.None);
    }

    private async Task AdminAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
