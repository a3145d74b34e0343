using System.Data.Common;
using System.Globalization;
using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Tests.TestSupport;
using CallVault.Migrations.Postgres;
using CallVault.Migrations.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Tests.Persistence;

/// <summary>The migrator on the run's database (SQLite, or PostgreSQL in the second run).</summary>
public sealed class SchemaMigratorTests
{
    [Fact]
    public async Task MigrateAsync_RunTwice_SecondRunAppliesNothingAndEachVersionIsRecordedOnce()
    {
        await using var t = await TestServices.StartAsync(migrate: false);
        var migrator = t.Get<SchemaMigrator>();
        var scripts = Scripts(t);

        var first = await migrator.MigrateAsync(t.Token);
        var second = await migrator.MigrateAsync(t.Token);

        Assert.Equal(scripts.Count, first);
        Assert.Equal(0, second);
        var versions = await ReadVersionsAsync(t);
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

        Assert.Equal(Scripts(t).Count, applied.Sum());
        Assert.Equal(Scripts(t).Count, (await ReadVersionsAsync(t)).Count);
    }

    [Fact]
    public void Scripts_EverySqliteScript_HasAPostgresTwinOfTheSameNumberAndName()
    {
        Assert.Equal(
            MigrationScript.All(SqliteMigrations.Assembly).Select(s => s.Name),
            MigrationScript.All(PostgresMigrations.Assembly).Select(s => s.Name));
    }

    [Fact]
    [Trait("Database", "sqlite")]
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
        await using var t = await TestServices.StartAsync(migrate: false);
        await t.Get<SchemaMigrator>().MigrateAsync(t.Token);

        var versions = await ReadVersionsAsync(t);

        Assert.NotEmpty(versions);
        Assert.All(versions, v => Assert.Equal(TestServices.Start.UtcDateTime, v.AppliedAt));
    }

    private static IReadOnlyList<MigrationScript> Scripts(TestServices t) =>
        MigrationScript.All(t.Database.IsPostgres ? PostgresMigrations.Assembly : SqliteMigrations.Assembly);

    private static async Task<List<(long Version, string Name, DateTime AppliedAt)>> ReadVersionsAsync(TestServices t)
    {
        await using var db = await t.Get<IDbContextFactory<CallVaultDbContext>>().CreateDbContextAsync(t.Token);
        await db.Database.OpenConnectionAsync(t.Token);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = """SELECT "Version", "Name", "AppliedAt" FROM "__SchemaVersions" ORDER BY "Version";""";
        await using var reader = await command.ExecuteReaderAsync(t.Token);
        var rows = new List<(long, string, DateTime)>();
        while (await reader.ReadAsync(t.Token))
        {
            rows.Add((Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1), AppliedAt(reader)));
        }

        return rows;
    }

    private static DateTime AppliedAt(DbDataReader reader) => reader.GetValue(2) switch
    {
        DateTime d => d.ToUniversalTime(),
        var text => DateTime.SpecifyKind(DateTime.Parse((string)text, CultureInfo.InvariantCulture), DateTimeKind.Utc),
    };
}
