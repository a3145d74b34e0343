using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Tests.Persistence;

/// <summary>
/// A statement that fails after one that answers with a row is an error, not silence: the driver's
/// ExecuteNonQuery would run it while disposing its reader and drop the failure.
/// </summary>
[Trait("Database", "sqlite")]
public sealed class StatementBatchTests
{
    [Fact]
    public async Task ExecuteAllAsync_FailureAfterAStatementWithARow_Throws()
    {
        await using var connection = await OpenInMemoryAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 1000; INSERT INTO missing_table VALUES (1);";

        var error = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteAllAsync(CancellationToken.None));

        Assert.Contains("missing_table", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAll_RunsEveryStatement()
    {
        await using var connection = await OpenInMemoryAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE t (v INTEGER); SELECT 1; INSERT INTO t VALUES (7); PRAGMA busy_timeout = 1000; INSERT INTO t VALUES (8);";

        command.ExecuteAll();

        await using var sum = connection.CreateCommand();
        sum.CommandText = "SELECT SUM(v) FROM t;";
        Assert.Equal(15L, (long)(await sum.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Connections_HaveEverySettingOfTheSetup()
    {
        await using var t = await TestServices.StartAsync();
        await using var db = await t.NewContextAsync();
        await db.Database.OpenConnectionAsync(t.Token);
        var connection = db.Database.GetDbConnection();

        Assert.True(await PragmaAsync(connection, "busy_timeout") > 0);
        Assert.Equal(2L, await PragmaAsync(connection, "synchronous")); // FULL
        Assert.Equal(SqliteConnectionSetup.AutoCheckpointPages, await PragmaAsync(connection, "wal_autocheckpoint"));
    }

    [Fact]
    public async Task MigrationScript_FailingAfterAStatementWithARow_IsNotRecordedAsApplied()
    {
        await using var connection = await OpenInMemoryAsync();
        MigrationScript[] scripts = [new(1, "0001_broken.sql", "CREATE TABLE a (v INTEGER); SELECT 1; INSERT INTO missing_table VALUES (1);")];

        await Assert.ThrowsAsync<SqliteException>(() =>
            MigrationScriptRunner.ApplyAsync(connection, SqliteSchemaMigration.VersionTable, scripts, TimeProvider.System, (_, _) => { }, CancellationToken.None));

        await using var count = connection.CreateCommand();
        count.CommandText = """SELECT COUNT(*) FROM "__SchemaVersions";""";
        Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
        await using var table = connection.CreateCommand();
        table.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name = 'a';";
        Assert.Equal(0L, (long)(await table.ExecuteScalarAsync())!);
    }

    private static async Task<SqliteConnection> OpenInMemoryAsync()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<long> PragmaAsync(System.Data.Common.DbConnection connection, string name)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
