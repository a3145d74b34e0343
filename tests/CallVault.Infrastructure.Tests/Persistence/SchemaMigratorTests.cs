using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Tests.TestSupport;
using CallVault.Migrations.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Tests.Persistence;

public sealed class SchemaMigratorTests
{
    [Fact]
    public async Task MigrateAsync_RunTwice_SecondRunAppliesNothingAndEachVersionIsRecordedOnce()
    {
        await using var t = await TestServices.StartAsync(migrate: false);
        var migrator = t.Get<SchemaMigrator>();
        var scripts = SqliteMigrations.All();

        var first = await migrator.MigrateAsync(t.Token);
        var second = await migrator.MigrateAsync(t.Token);

        Assert.Equal(scripts.Count, first);
        Assert.Equal(0, second);
        var versions = await ReadVersionsAsync(t.ConnectionString);
        Assert.Equal(scripts.Select(s => (long)s.Version), versions.Select(v => v.Version));
        Assert.Equal((1L, "0001_initial.sql"), (versions[0].Version, versions[0].Name));
    }

    [Fact]
    public async Task MigrateAsync_TwoMigratorsAtOnce_ApplyTheScriptExactlyOnce()
    {
        await using var t = await TestServices.StartAsync(migrate: false);
        var options = t.Get<IOptions<DatabaseOptions>>();
        var a = new SchemaMigrator(options, t.Clock, NullLogger<SchemaMigrator>.Instance);
        var b = new SchemaMigrator(options, t.Clock, NullLogger<SchemaMigrator>.Instance);

        var applied = await Task.WhenAll(Task.Run(() => a.MigrateAsync(t.Token)), Task.Run(() => b.MigrateAsync(t.Token)));

        Assert.Equal(SqliteMigrations.All().Count, applied.Sum());
        Assert.Equal(SqliteMigrations.All().Count, (await ReadVersionsAsync(t.ConnectionString)).Count);
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

        Assert.NotEmpty(versions);
        Assert.All(versions, v => Assert.Equal(TestServices.Start.UtcDateTime, DateTime.Parse(v.AppliedAt, System.Globalization.CultureInfo.InvariantCulture)));
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
