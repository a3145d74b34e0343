using CallVault.Core.Sync;
using CallVault.Infrastructure.Sync;
using CallVault.Infrastructure.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Tests.Sync;

/// <summary>The ledger row of an imported recording is written in the recording's own transaction, once.</summary>
public sealed class ImportItemCommandTests
{
    private static async Task<Guid> NewImportAsync(TestServices t)
    {
        var import = new Import
        {
            Id = Guid.NewGuid(),
            Provider = "twilio",
            From = new DateOnly(2026, 3, 1),
            To = new DateOnly(2026, 3, 2),
            Status = ImportStatus.Running,
            JobId = Random.Shared.NextInt64(1, long.MaxValue),
            StartedAt = t.Clock.UtcNow,
            UpdatedAt = t.Clock.UtcNow,
        };
        await t.ChangeAsync(db =>
        {
            db.Imports.Add(import);
            return Task.CompletedTask;
        });
        return import.Id;
    }

    [Fact]
    public async Task Write_NewRecording_RecordingJobAndLedgerRow_SecondTimeChangesNothing()
    {
        await using var t = await TestServices.StartAsync();
        var writer = await t.StartWriterAsync();
        var importId = await NewImportAsync(t);
        var (call, sid) = (TestSids.Call(), TestSids.Recording());

        var first = new ImportItemCommand(importId, sid, TwilioCallbacks.Recording(call, sid), ImportItemOutcome.Imported, null);
        await writer.WriteAsync(first, t.Token);
        var again = new ImportItemCommand(importId, sid, TwilioCallbacks.Recording(call, sid), ImportItemOutcome.Imported, null);
        await writer.WriteAsync(again, t.Token);

        Assert.Equal(new ImportItemResult(ImportItemOutcome.Imported, New: true, null), first.Result);
        Assert.Equal(new ImportItemResult(ImportItemOutcome.Imported, New: false, null), again.Result);
        Assert.Equal(1, await t.QueryAsync(db => db.Recordings.CountAsync(t.Token)));
        Assert.Equal(1, await t.QueryAsync(db => db.Jobs.CountAsync(t.Token)));
        Assert.Equal(1, await t.QueryAsync(db => db.ImportItems.CountAsync(i => i.ImportId == importId, t.Token)));
    }

    [Fact]
    public async Task Write_RecordingAlreadyReceivedByWebhook_SkippedInTheLedger()
    {
        await using var t = await TestServices.StartAsync();
        var writer = await t.StartWriterAsync();
        var importId = await NewImportAsync(t);
        var (call, sid) = (TestSids.Call(), TestSids.Recording());
        await writer.WriteAsync(TwilioCallbacks.Recording(call, sid), t.Token);

        var command = new ImportItemCommand(importId, sid, TwilioCallbacks.Recording(call, sid), ImportItemOutcome.Imported, null);
        await writer.WriteAsync(command, t.Token);

        Assert.Equal(ImportItemOutcome.Skipped, command.Result!.Outcome);
        Assert.Equal(new ImportCounts(1, 0, 1, 0), await t.QueryAsync(db => ImportCounts.FromLedgerAsync(db, importId, t.Token)));
        Assert.Equal(1, await t.QueryAsync(db => db.Jobs.CountAsync(t.Token)));
    }

    [Fact]
    public async Task Write_RecordingWriteFailsOnSave_LedgerRowRolledBackWithIt()
    {
        await using var t = await TestServices.StartAsync();
        var writer = await t.StartWriterAsync();
        var importId = await NewImportAsync(t);
        await writer.WriteAsync(new ProbeCommand("taken"), t.Token);

        // The inner write violates a unique key only when saved, i.e. together with the ledger row.
        var command = new ImportItemCommand(importId, TestSids.Recording(), new ProbeCommand("taken"), ImportItemOutcome.Imported, null);
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => writer.WriteAsync(command, t.Token));

        Assert.Equal(0, await t.QueryAsync(db => db.ImportItems.CountAsync(t.Token)));
    }

    [Fact]
    public async Task Counts_FromLedger_ByOutcome()
    {
        await using var t = await TestServices.StartAsync();
        var writer = await t.StartWriterAsync();
        var importId = await NewImportAsync(t);
        var outcomes = new[] { ImportItemOutcome.Skipped, ImportItemOutcome.Failed, ImportItemOutcome.Skipped };
        foreach (var outcome in outcomes)
        {
            await writer.WriteAsync(new ImportItemCommand(importId, TestSids.Recording(), null, outcome, "why"), t.Token);
        }

        Assert.Equal(new ImportCounts(3, 0, 2, 1), await t.QueryAsync(db => ImportCounts.FromLedgerAsync(db, importId, t.Token)));
    }
}
