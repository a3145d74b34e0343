using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CallVault.Infrastructure.Tests.Persistence;

/// <summary>Relaxed commits made durable by one shared flush of SQLite's write-ahead log.</summary>
[Trait("Database", "sqlite")]
public sealed class SqliteLogFlushTests
{
    [Fact]
    public async Task FlushesTheLogFileSqliteWritesTo()
    {
        await using var t = await TestServices.StartAsync();
        var flush = t.Services.GetRequiredService<SqliteLogFlush>();
        await CommitRelaxedAsync(t, "CA-flushed");

        await flush.FlushAsync(t.Token);

        Assert.NotNull(flush.LogPath);
        Assert.True(File.Exists(flush.LogPath), $"no write-ahead log at {flush.LogPath}");
        Assert.True(new FileInfo(flush.LogPath).Length > 0, "the log the commit wrote is empty");
        Assert.Equal(1, flush.Flushes);
    }

    [Fact]
    public async Task CallersArrivingDuringAFlush_ShareTheNextOne()
    {
        using var firstFlushRuns = new SemaphoreSlim(0);
        using var releaseFirstFlush = new SemaphoreSlim(0);
        var calls = 0;
        var flush = new SqliteLogFlush("/not/opened/callvault.db-wal", _ =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                firstFlushRuns.Release();
                releaseFirstFlush.Wait();
            }
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var first = flush.FlushAsync(timeout.Token);
        await firstFlushRuns.WaitAsync(timeout.Token);
        // These committed after the running flush began: it cannot cover them, one more flush must.
        var later = Enumerable.Range(0, 10).Select(_ => flush.FlushAsync(timeout.Token)).ToList();
        Assert.All(later, task => Assert.False(task.IsCompleted));
        releaseFirstFlush.Release();
        await Task.WhenAll([first, .. later]);

        Assert.Equal(2, flush.Flushes);
        Assert.Equal(2, calls);
    }

    private static async Task CommitRelaxedAsync(TestServices t, string sid)
    {
        await using var db = await t.NewContextAsync();
        await CommitDurability.RelaxAsync(db, t.Token);
        db.Calls.Add(t.NewCall(sid));
        await db.SaveChangesAsync(t.Token);
    }
}
