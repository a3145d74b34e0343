using CallVault.Core.Calls;
using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
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
    public async Task CallersWaitingTogether_ShareFlushes()
    {
        await using var t = await TestServices.StartAsync();
        var flush = t.Services.GetRequiredService<SqliteLogFlush>();
        await CommitRelaxedAsync(t, "CA-shared");

        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => flush.FlushAsync(t.Token))));

        Assert.InRange(flush.Flushes, 1, 39);
    }

    private static async Task CommitRelaxedAsync(TestServices t, string sid)
    {
        await using var db = await t.Services.GetRequiredService<IDbContextFactory<CallVaultDbContext>>().CreateDbContextAsync(t.Token);
        await CommitDurability.RelaxAsync(db, t.Token);
        db.Calls.Add(new Call { Id = Guid.NewGuid(), Provider = "twilio", ProviderCallId = sid, StartedAt = t.Clock.UtcNow, CreatedAt = t.Clock.UtcNow, UpdatedAt = t.Clock.UtcNow });
        await db.SaveChangesAsync(t.Token);
    }
}
