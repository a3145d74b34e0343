using CallVault.Core.Jobs;
using CallVault.Infrastructure.Ingestion;
using CallVault.Infrastructure.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Tests.Ingestion;

public sealed class IngestionWriterTests
{
    [Fact]
    public async Task WriteAsync_HundredConcurrentEvents_AllCompleteAndEveryRowExists()
    {
        await using var t = await TestServices.StartAsync();
        var writer = await t.StartWriterAsync();
        var events = Enumerable.Range(0, 100).Select(_ => TwilioCallbacks.Recording(TestSids.Call(), TestSids.Recording())).ToList();

        var results = await Task.WhenAll(events.Select(e => Task.Run(() => writer.WriteAsync(e, t.Token))));

        Assert.All(results, r => Assert.False(r.Duplicate));
        Assert.All(results, r => Assert.True(r.JobEnqueued));
        Assert.Equal(100, results.Select(r => r.RecordingId).Distinct().Count());
        Assert.Equal(100, await t.QueryAsync(db => db.Recordings.CountAsync(t.Token)));
        Assert.Equal(100, await t.QueryAsync(db => db.InboundEvents.CountAsync(t.Token)));
        Assert.Equal(100, await t.QueryAsync(db => db.Jobs.CountAsync(j => j.State == JobState.Queued, t.Token)));
    }

    [Fact]
    public async Task WriteAsync_WritesQueuedBehindABusyWriter_CommitTogetherInOneTransaction()
    {
        await using var t = await TestServices.StartAsync();
        var writer = await t.StartWriterAsync();
        var gate = new GateCommand();
        var gated = writer.WriteAsync(gate, t.Token);
        await gate.Entered.WaitAsync(t.Token);
        var probes = Enumerable.Range(0, 50).Select(i => new ProbeCommand($"probe-{i}")).ToList();

        var writes = probes.Select(p => writer.WriteAsync(p, t.Token)).ToList();
        gate.Release();
        await gated;
        await Task.WhenAll(writes);

        Assert.Single(probes.Select(p => p.TransactionId).Distinct());
        Assert.NotNull(probes[0].TransactionId);
        Assert.Equal(50, await t.QueryAsync(db => db.InboundEvents.CountAsync(e => e.Kind == "probe", t.Token)));
    }

    [Fact]
    public async Task WriteAsync_OnePoisonedEventInABatch_FailsAloneAndTheOthersCommit()
    {
        await using var t = await TestServices.StartAsync();
        var writer = await t.StartWriterAsync();
        var gate = new GateCommand();
        var gated = writer.WriteAsync(gate, t.Token);
        await gate.Entered.WaitAsync(t.Token);
        var before = Enumerable.Range(0, 10).Select(i => new ProbeCommand($"before-{i}")).ToList();
        var poison = new ProbeCommand("poison", poison: true);
        var after = Enumerable.Range(0, 10).Select(i => new ProbeCommand($"after-{i}")).ToList();

        var beforeWrites = before.Select(p => writer.WriteAsync(p, t.Token)).ToList();
        var poisonWrite = writer.WriteAsync(poison, t.Token);
        var afterWrites = after.Select(p => writer.WriteAsync(p, t.Token)).ToList();
        gate.Release();
        await gated;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => poisonWrite);
        Assert.Contains("poison", error.Message, StringComparison.Ordinal);
        await Task.WhenAll(beforeWrites.Concat(afterWrites));
        Assert.Single(before.Concat(after).Append(poison).Select(p => p.TransactionId).Distinct());
        var keys = await t.QueryAsync(db => db.InboundEvents.Select(e => e.DedupeKey).ToListAsync(t.Token));
        Assert.Equal(before.Concat(after).Select(p => p.DedupeKey).Order(), keys.Order());
    }

    [Fact]
    public async Task WriteAsync_EventViolatingAUniqueIndex_FailsAloneAndTheWriterKeepsWorking()
    {
        await using var t = await TestServices.StartAsync();
        var writer = await t.StartWriterAsync();
        await writer.WriteAsync(new ProbeCommand("taken"), t.Token);
        var gate = new GateCommand();
        var gated = writer.WriteAsync(gate, t.Token);
        await gate.Entered.WaitAsync(t.Token);

        var clash = writer.WriteAsync(new ProbeCommand("taken"), t.Token);
        var fine = writer.WriteAsync(new ProbeCommand("fine"), t.Token);
        gate.Release();
        await gated;

        await Assert.ThrowsAsync<DbUpdateException>(() => clash);
        await fine;
        var later = await writer.WriteAsync(TwilioCallbacks.Recording(TestSids.Call(), TestSids.Recording()), t.Token);
        Assert.True(later.JobEnqueued);
        var keys = await t.QueryAsync(db => db.InboundEvents.Where(e => e.Kind == "probe").Select(e => e.DedupeKey).ToListAsync(t.Token));
        Assert.Equal(["fine", "taken"], keys.Order());
    }
}
