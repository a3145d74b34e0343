using System.Globalization;
using CallVault.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CallVault.Bench.Scenarios.Queries;

internal sealed class SqliteQueryDatabase(string path, string connectionString) : IQueryDatabase
{
    public string Name => "SQLite";

    public bool Exists => File.Exists(path);

    public void Apply(IDictionary<string, string?> settings) => settings["CallVault:Database:ConnectionString"] = connectionString;

    public Task CreateEmptyAsync(CancellationToken cancellationToken)
    {
        ClearPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    }

    public Task<int> MigrateAsync(CancellationToken cancellationToken) =>
        new SchemaMigrator(Options.Create(new DatabaseOptions { ConnectionString = connectionString }), TimeProvider.System, NullLogger<SchemaMigrator>.Instance)
            .MigrateAsync(cancellationToken);

    public ICorpusSink OpenWriter() => CorpusWriter.Open(path);

    public Task<bool> HasFullTextSearchAsync(CancellationToken cancellationToken)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name = 'RecordingSearch'";
        return Task.FromResult(Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0);
    }

    public Task<long> SizeAsync(DirectoryInfo work, CancellationToken cancellationToken) =>
        Task.FromResult(work.EnumerateFiles(Path.GetFileName(path) + "*").Sum(f => f.Length));

    public void ClearPools() => SqliteConnection.ClearAllPools();

    public Task DeleteAsync() => Task.CompletedTask;
}
