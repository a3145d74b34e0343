using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Tests.Persistence;

/// <summary>One SQLite writer at a time inside the process: saves queue on the gate, and every way a save ends lets the next one in.</summary>
[Trait("Database", "sqlite")]
public sealed class SqliteWriteGateTests
{
    [Fact]
    public async Task Save_WaitsWhileAnotherWriterHoldsTheGate_ThenGoesThrough()
    {
        await using var t = await TestServices.StartAsync();
        await using var holder = await t.NewContextAsync();
        await using var saver = await t.NewContextAsync();
        saver.Calls.Add(t.NewCall("CA-waits"));

        Task<int> save;
        using (await SqliteWriteGate.EnterAsync(holder, t.Token))
        {
            save = saver.SaveChangesAsync(t.Token);
            await Task.Delay(TimeSpan.FromMilliseconds(300), t.Token);
            Assert.False(save.IsCompleted, "a save went ahead while another writer held the gate");
        }

        Assert.Equal(1, await save.WaitAsync(t.Token));
    }

    [Fact]
    public async Task FailedSave_LetsTheNextWriterIn()
    {
        await using var t = await TestServices.StartAsync();
        await using (var first = await t.NewContextAsync())
        {
            first.Calls.Add(t.NewCall("CA-twice"));
            await first.SaveChangesAsync(t.Token);
        }

        await using (var duplicate = await t.NewContextAsync())
        {
            duplicate.Calls.Add(t.NewCall("CA-twice"));
            await Assert.ThrowsAsync<DbUpdateException>(() => duplicate.SaveChangesAsync(t.Token));
        }

        // A gate left closed would make this wait for the busy timeout (10 s) and be cancelled first.
        using var soon = CancellationTokenSource.CreateLinkedTokenSource(t.Token);
        soon.CancelAfter(TimeSpan.FromSeconds(5));
        await using var next = await t.NewContextAsync();
        using (await SqliteWriteGate.EnterAsync(next, soon.Token))
        {
        }
    }

    [Fact]
    public async Task HolderRunningItsOwnTransaction_SavesWithoutWaitingForItself()
    {
        await using var t = await TestServices.StartAsync();
        await using var db = await t.NewContextAsync();

        using (await SqliteWriteGate.EnterAsync(db, t.Token))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(t.Token);
            db.Calls.Add(t.NewCall("CA-own-transaction"));
            await db.SaveChangesAsync(t.Token);
            await transaction.CommitAsync(t.Token);
        }

        await using var check = await t.NewContextAsync();
        Assert.True(await check.Calls.AnyAsync(c => c.ProviderCallId == "CA-own-transaction", t.Token));
    }
}
