using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CallVault.Infrastructure.Tests.Persistence;

/// <summary>The write-ahead log goes back into the database file in the background, not inside a commit.</summary>
[Trait("Database", "sqlite")]
public sealed class SqliteCheckpointerTests
{
    [Fact]
    public async Task Connections_LeaveCheckpointsToTheBackground()
    {
        await using var t = await TestServices.StartAsync();
        await using var db = await t.NewContextAsync();

        Assert.Equal(SqliteConnectionSetup.AutoCheckpointPages, await PragmaAsync(db, "PRAGMA wal_autocheckpoint;"));
    }

    [Fact]
    public async Task Checkpoint_CopiesEveryCommittedPageBack()
    {
        await using var t = await TestServices.StartAsync();
        await using (var db = await t.NewContextAsync())
        {
            for (var i = 0; i < 200; i++)
            {
                db.Calls.Add(t.NewCall($"CA{i:D32}"));
            }

            await db.SaveChangesAsync(t.Token);
        }

        var copied = await t.Services.GetRequiredService<SqliteCheckpointer>().CheckpointAsync(t.Token);

        await using var check = await t.NewContextAsync();
        var (logPages, checkpointedPages) = await CheckpointStateAsync(check);
        Assert.True(copied > 0, "the checkpoint copied nothing back");
        Assert.Equal(logPages, checkpointedPages);
        Assert.Equal(200, await check.Calls.CountAsync(t.Token));
    }

    private static async Task<long> PragmaAsync(CallVaultDbContext db, string pragma)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = pragma;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A second passive checkpoint: how many pages the log holds and how many of them are already in the file.</summary>
    private static async Task<(long Log, long Checkpointed)> CheckpointStateAsync(CallVaultDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetInt64(1), reader.GetInt64(2));
    }
}
