using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CallVault.Infrastructure.Tests.Persistence;

/// <summary>SQLite's per-connection <c>synchronous</c> setting: durable by default, relaxed only where asked, never leaked.</summary>
[Trait("Database", "sqlite")]
public sealed class CommitDurabilityTests
{
    private const long Normal = 1;
    private const long Full = 2;

    [Fact]
    public async Task NewUnitOfWork_CommitsDurably()
    {
        await using var t = await TestServices.StartAsync();
        await using var db = await t.NewContextAsync();

        Assert.Equal(Full, await SynchronousAsync(db));
    }

    [Fact]
    public async Task Relaxed_HoldsForEveryCommitOfItsUnitOfWork()
    {
        await using var t = await TestServices.StartAsync();
        await using var db = await t.NewContextAsync();

        await CommitDurability.RelaxAsync(db, t.Token);
        db.Calls.Add(t.NewCall("CA0001"));
        await db.SaveChangesAsync(t.Token);
        db.Calls.Add(t.NewCall("CA0002"));
        await db.SaveChangesAsync(t.Token);

        Assert.Equal(Normal, await SynchronousAsync(db));
    }

    [Fact]
    public async Task RelaxedConnection_BackInThePool_IsDurableForItsNextUser()
    {
        await using var t = await TestServices.StartAsync();
        await using (var first = await t.NewContextAsync())
        {
            await CommitDurability.RelaxAsync(first, t.Token);
            Assert.Equal(Normal, await SynchronousAsync(first));
        }

        // One connection string, one pool: the next context takes the same physical connection.
        await using var next = await t.NewContextAsync();

        Assert.Equal(Full, await SynchronousAsync(next));
    }

    private static async Task<long> SynchronousAsync(CallVaultDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA synchronous;";
            return (long)(await command.ExecuteScalarAsync())!;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
