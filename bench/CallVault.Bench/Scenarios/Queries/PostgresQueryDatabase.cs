using System.Globalization;
using CallVault.Infrastructure.Persistence;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CallVault.Bench.Scenarios.Queries;

/// <summary>
/// A database named after the corpus size (<c>callvault_bench_queries_N</c>) on the server of <c>--postgres</c> /
/// <c>CALLVAULT_BENCH_POSTGRES</c>, so a later run with the same <c>--data DIR</c> queries it again.
/// </summary>
internal sealed class PostgresQueryDatabase : IQueryDatabase
{
    private readonly string _server;
    private readonly string _name;

    private PostgresQueryDatabase(string server, string name, bool exists)
    {
        _server = server;
        _name = name;
        Exists = exists;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string Name => "PostgreSQL";

    public bool Exists { get; private set; }

    public string ConnectionString { get; }

    public static async Task<PostgresQueryDatabase> OpenAsync(string server, int calls, CancellationToken cancellationToken)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"callvault_bench_queries_{calls}");
        await using var connection = await AdminAsync(server, cancellationToken);
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = name } } };
        var exists = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
        return new PostgresQueryDatabase(server, name, exists);
    }

    public void Apply(IDictionary<string, string?> settings)
    {
        settings["CallVault:Database:Provider"] = DatabaseProviders.Postgres;
        settings["CallVault:Database:ConnectionString"] = ConnectionString;
    }

    public async Task CreateEmptyAsync(CancellationToken cancellationToken)
    {
        await DropAsync(cancellationToken);
        await ExecuteAdminAsync($"""CREATE DATABASE "{_name}" """, cancellationToken);
        Exists = true;
    }

    public Task<int> MigrateAsync(CancellationToken cancellationToken) =>
        new SchemaMigrator(Options.Create(new DatabaseOptions { Provider = DatabaseProviders.Postgres, ConnectionString = ConnectionString }), TimeProvider.System,
            NullLogger<SchemaMigrator>.Instance).MigrateAsync(cancellationToken);

    public ICorpusSink OpenWriter() => PostgresCorpusWriter.Open(ConnectionString);

    public async Task<bool> HasFullTextSearchAsync(CancellationToken cancellationToken) =>
        await ScalarAsync("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'RecordingSearch'", cancellationToken) > 0;

    public Task<long> SizeAsync(DirectoryInfo work, CancellationToken cancellationToken) => ScalarAsync("SELECT pg_database_size(current_database())", cancellationToken);

    public void ClearPools() => NpgsqlConnection.ClearAllPools();

    public Task DeleteAsync() => DropAsync(CancellationToken.None);

    private async Task DropAsync(CancellationToken cancellationToken)
    {
        ClearPools();
        await ExecuteAdminAsync($"""DROP DATABASE IF EXISTS "{_name}" WITH (FORCE)""", cancellationToken);
        Exists = false;
    }

    private async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private async Task ExecuteAdminAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await AdminAsync(_server, cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<NpgsqlConnection> AdminAsync(string server, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
