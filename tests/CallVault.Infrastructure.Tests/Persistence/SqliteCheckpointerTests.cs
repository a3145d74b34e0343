using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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

        var round = await t.Services.GetRequiredService<SqliteCheckpointer>().CheckpointAsync(t.Token);

        await using var check = await t.NewContextAsync();
        var (logPages, checkpointedPages) = await CheckpointStateAsync(check);
        Assert.True(round.CopiedPages > 0, "the checkpoint copied nothing back");
        Assert.True(round.IsComplete, $"{round.CopiedPages} of {round.LogPages} log pages copied");
        Assert.Equal(logPages, checkpointedPages);
        Assert.Equal(200, await check.Calls.CountAsync(t.Token));
    }

    [Fact]
    public async Task Checkpoint_WhileAWriterKeepsCommitting_CopiesTheWholeLog()
    {
        await using var t = await TestServices.StartAsync();
        var checkpointer = t.Services.GetRequiredService<SqliteCheckpointer>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(t.Token);
        var writer = Task.Run(async () =>
        {
            // One commit after another, each through the write gate as every writer in the process.
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                await using var db = await t.NewContextAsync();
                db.Calls.Add(t.NewCall($"CA{i:D32}"));
                await db.SaveChangesAsync(CancellationToken.None);
            }
        });

        var rounds = new List<CheckpointResult>();
        for (var i = 0; i < 10; i++)
        {
            await Task.Delay(20, t.Token);
            rounds.Add(await checkpointer.CheckpointAsync(t.Token));
        }

        await stop.CancelAsync();
        await writer;
        Assert.All(rounds, r => Assert.True(r.IsComplete, $"{r.CopiedPages} of {r.LogPages} log pages copied"));
        Assert.Contains(rounds, r => r.CopiedPages > 0);
    }

    [Fact]
    public async Task Checkpoint_FinishesItsRoundOnlyWhenTheWritersAtTheGateLetItIn()
    {
        await using var t = await TestServices.StartAsync();
        await using (var db = await t.NewContextAsync())
        {
            db.Calls.Add(t.NewCall($"CA{1:D32}"));
            await db.SaveChangesAsync(t.Token);
        }

        Task<CheckpointResult> round;
        using (await t.Services.GetRequiredService<SqliteWriteGate>().EnterAsync(t.Token))
        {
            round = t.Services.GetRequiredService<SqliteCheckpointer>().CheckpointAsync(t.Token);
            await Task.Delay(TimeSpan.FromMilliseconds(300), t.Token);
            Assert.False(round.IsCompleted, "the round finished while a writer held the gate");
        }

        Assert.True((await round).IsComplete);
    }

    [Fact]
    public async Task Commit_AfterACompleteCheckpoint_WritesTheLogFromItsBeginning()
    {
        await using var t = await TestServices.StartAsync();
        await using (var db = await t.NewContextAsync())
        {
            for (var i = 0; i < 50; i++)
            {
                db.Calls.Add(t.NewCall($"CA{i:D32}"));
                await db.SaveChangesAsync(t.Token);
            }
        }

        var before = await t.Services.GetRequiredService<SqliteCheckpointer>().CheckpointAsync(t.Token);
        await using (var db = await t.NewContextAsync())
        {
            db.Calls.Add(t.NewCall($"CA{99:D32}"));
            await db.SaveChangesAsync(t.Token);
        }

        await using var check = await t.NewContextAsync();
        var (logPages, _) = await CheckpointStateAsync(check);
        Assert.True(before.IsComplete);
        Assert.True(logPages < before.LogPages, $"the log grew on from {before.LogPages} to {logPages} pages instead of starting again");
    }

    [Fact]
    public async Task FailingRounds_AreLoggedOnceWhenTheyStartAndOnceWhenTheyEnd()
    {
        var folder = Directory.CreateTempSubdirectory("callvault-checkpoint-");
        try
        {
            // A folder where the database file should be: every round fails to open it.
            var path = Path.Combine(folder.FullName, "callvault.db");
            Directory.CreateDirectory(path);
            var logger = new ListLogger<SqliteCheckpointer>();
            var checkpointer = new SqliteCheckpointer(
                Options.Create(new DatabaseOptions { ConnectionString = $"Data Source={path}" }),
                new SqliteWriteGate(TimeSpan.FromSeconds(1)), TimeProvider.System, logger);

            await checkpointer.StartAsync(CancellationToken.None);
            await Task.Delay(TimeSpan.FromMilliseconds(700)); // several rounds, each failing
            Directory.Delete(path);
            await Task.Delay(TimeSpan.FromMilliseconds(700)); // the file can be made again: rounds work
            await checkpointer.StopAsync(CancellationToken.None);

            Assert.Equal([110, 111], logger.Entries.Select(e => e.EventId.Id));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
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
