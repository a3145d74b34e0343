using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Tests.Persistence;

public sealed class SchemaMigratorTests
{
    [Fact]
    public async Task MigrateAsync_RunTwice_SecondRunAppliesNothingAndVersionOneIsRecordedOnce()
    {
        await using var t = await TestServices.StartAsync(migrate: false);
        var migrator = t.Get<SchemaMigrator>();

        var first = await migrator.MigrateAsync(t.Token);
        var second = await migrator.MigrateAsync(t.Token);

        Assert.Equal(1, first);
        Assert.Equal(0, second);
        var versions = await ReadVersionsAsync(t.ConnectionString);
        var only = Assert.Single(versions);
        Assert.Equal(1L, only.Version);
        Assert.Equal("0001_initial.sql", only.Name);
    }

    [Fact]
    public async Task MigrateAsync_TwoMigratorsAtOnce_ApplyTheScriptExactlyOnce()
    {
        await using var t = await TestServices.StartAsync(migrate: false);
        var options = t.Get<IOptions<DatabaseOptions>>();
        var a = new SchemaMigrator(options, t.Clock, NullLogger<SchemaMigrator>.Instance);
        var b = new SchemaMigrator(options, t.Clock, NullLogger<SchemaMigrator>.Instance);

        var applied = await Task.WhenAll(Task.Run(() => a.MigrateAsync(t.Token)), Task.Run(() => b.MigrateAsync(t.Token)));

        Assert.Equal(1, applied.Sum());
        Assert.Single(await ReadVersionsAsync(t.ConnectionString));
    }

    [Fact]
    public async Task MigrateAsync_NewDatabase_JournalModeIsWal()
    {
        await using var t = await TestServices.StartAsync();

        await using var connection = new SqliteConnection(t.ConnectionString);
        await connection.OpenAsync(t.Token);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        var mode = (string?)await command.ExecuteScalarAsync(t.Token);

        Assert.Equal("wal", mode);
    }

    [Fact]
    public async Task MigrateAsync_AppliedAt_IsTheInjectedClock()
    {
        await using var t = await TestServices.StartAsync();

        var versions = await ReadVersionsAsync(t.ConnectionString);

        Assert.Equal(TestServices.Start.UtcDateTime, DateTime.Parse(Assert.Single(versions).AppliedAt, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<List<(long Version, string Name, string AppliedAt)>> ReadVersionsAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Version", "Name", "AppliedAt" FROM "__SchemaVersions" ORDER BY "Version";""";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(long, string, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }
}
