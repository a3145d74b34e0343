using CallVault.Core.Calls;
using CallVault.Core.Recordings;
using CallVault.Infrastructure.Ingestion;
using CallVault.Infrastructure.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Tests.Ingestion;

/// <summary>The Twilio hot paths (prepared SQL on the writer's transaction) inside one batch, and next to EF-written rows.</summary>
public sealed class IngestionSqlPathTests
{
    [Fact]
    public async Task WriteAsync_TwilioEventViolatingAConstraintInABatch_FailsAloneLeavingNoRowsAndTheOthersCommit()
    {
        await using var t = await TestServices.StartAsync();
        var writer = await t.StartWriterAsync();
        var clashing = TestSids.Call();
        // A call keyed by the SID but without its leg: creating the leg's call hits the unique index.
        await t.ChangeAsync(db =>
        {
            db.Calls.Add(new Call { Id = Guid.NewGuid(), Provider = "twilio", ProviderCallId = clashing, StartedAt = t.Clock.UtcNow, CreatedAt = t.Clock.UtcNow, UpdatedAt = t.Clock.UtcNow });
            return Task.CompletedTask;
        });
        var before = TestSids.Call();
        var after = TestSids.Call();
        var recording = TestSids.Recording();

        var results = await InOneBatchAsync(t, writer,
            TwilioCallbacks.CallStatus(before, "ringing", 1),
            TwilioCallbacks.CallStatus(clashing, "ringing", 1),
            TwilioCallbacks.Recording(after, recording),
            TwilioCallbacks.CallStatus(after, "ringing", 1));

        // A unique-index violation from either database (SqliteException or PostgresException).
        Assert.IsAssignableFrom<System.Data.Common.DbException>(Assert.Single(results, r => r.Error is not null).Error);
        Assert.NotNull(results[1].Error);
        var events = await t.QueryAsync(db => db.InboundEvents.Select(e => e.DedupeKey).ToListAsync(t.Token));
        Assert.Equal(3, events.Count);
        Assert.DoesNotContain(events, k => k.Contains(clashing, StringComparison.Ordinal));
        Assert.Equal(3, await t.QueryAsync(db => db.Calls.CountAsync(t.Token)));
        var stored = await t.QueryAsync(db => db.Recordings.SingleAsync(t.Token));
        Assert.Equal(results[3].Result!.CallId, stored.CallId);
        Assert.Equal(1, await t.QueryAsync(db => db.Jobs.CountAsync(t.Token)));
    }

    [Fact]
    public async Task WriteAsync_SameCallbacksTwiceInOneBatch_SecondOfEachIsADuplicateAndChangesNothing()
    {
        await using var t = await TestServices.StartAsync();
        var writer = await t.StartWriterAsync();
        var sid = TestSids.Call();
        var recording = TestSids.Recording();

        var results = await InOneBatchAsync(t, writer,
            TwilioCallbacks.CallStatus(sid, "completed", 3),
            TwilioCallbacks.Recording(sid, recording),
            TwilioCallbacks.CallStatus(sid, "completed", 3),
            TwilioCallbacks.Recording(sid, recording));

        Assert.Equal([false, false, true, true], results.Select(r => r.Result!.Duplicate));
        Assert.True(results[1].Result!.JobEnqueued);
        Assert.Equal(2, await t.QueryAsync(db => db.InboundEvents.CountAsync(t.Token)));
        Assert.Equal(1, await t.QueryAsync(db => db.Jobs.CountAsync(t.Token)));
        var call = await t.QueryAsync(db => db.Calls.Include(c => c.Legs).SingleAsync(t.Token));
        Assert.Equal(("completed", 3), (call.Status, Assert.Single(call.Legs).LastSequenceNumber));
        Assert.Equal(call.Id, (await t.QueryAsync(db => db.Recordings.SingleAsync(t.Token))).CallId);
    }

    [Fact]
    public async Task WriteAsync_ChildThenParentThenLateParentEventInOneBatch_OneCallTwoLegsNeverMovedBackwards()
    {
        await using var t = await TestServices.StartAsync();
        var writer = await t.StartWriterAsync();
        var parent = TestSids.Call();
        var child = TestSids.Call();

        var results = await InOneBatchAsync(t, writer,
            TwilioCallbacks.CallStatus(child, "in-progress", 1, parentCallSid: parent, direction: "outbound-dial"),
            TwilioCallbacks.CallStatus(parent, "completed", 4),
            TwilioCallbacks.CallStatus(parent, "ringing", 2));

        Assert.Single(results.Select(r => r.Result!.CallId).Distinct());
        var call = await t.QueryAsync(db => db.Calls.Include(c => c.Legs).SingleAsync(t.Token));
        Assert.Equal((parent, "completed", "inbound", 42), (call.ProviderCallId, call.Status, call.Direction, call.DurationSeconds));
        Assert.Equal(2, call.Legs.Count);
        Assert.Equal(4, call.Legs.Single(l => l.ProviderCallId == parent).LastSequenceNumber);
        Assert.Equal(parent, call.Legs.Single(l => l.ProviderCallId == child).ParentProviderCallId);
        Assert.Equal(3, await t.QueryAsync(db => db.InboundEvents.CountAsync(t.Token)));
    }

    [Fact]
    public async Task WriteAsync_LegWrittenThroughEf_IsFoundAndUpdatedByTheSqlPath()
    {
        await using var t = await TestServices.StartAsync();
        var writer = await t.StartWriterAsync();
        var sid = TestSids.Call();
        Guid callId = default;
        await t.ChangeAsync(db =>
        {
            var (call, _) = CallResolver.CreateCall(db, "twilio", sid, null, t.Clock.UtcNow.AddMinutes(-1), t.Clock.UtcNow);
            callId = call.Id;
            return Task.CompletedTask;
        });

        var result = await writer.WriteAsync(TwilioCallbacks.CallStatus(sid, "completed", 2), t.Token);
        var recording = await writer.WriteAsync(TwilioCallbacks.Recording(sid, TestSids.Recording()), t.Token);

        Assert.Equal(callId, result.CallId);
        Assert.Equal(callId, recording.CallId);
        var stored = await t.QueryAsync(db => db.Calls.Include(c => c.Legs).SingleAsync(t.Token));
        Assert.Equal(("completed", t.Clock.UtcNow.AddMinutes(-1), DateTimeKind.Utc), (stored.Status, stored.StartedAt, stored.StartedAt.Kind));
        Assert.Equal(t.Clock.UtcNow, Assert.Single(stored.Legs).UpdatedAt);
    }

    [Fact]
    public async Task WriteAsync_RecordingWaitingForItsLeg_IsAttachedByTheStatusCallbackWithItsAttemptsKept()
    {
        await using var t = await TestServices.StartAsync();
        var writer = await t.StartWriterAsync();
        var sid = TestSids.Call();
        var waiting = await writer.WriteAsync(TwilioCallbacks.Recording(sid, TestSids.Recording(), status: "absent"), t.Token);

        var status = await writer.WriteAsync(TwilioCallbacks.CallStatus(sid, "completed", 1), t.Token);

        var recording = await t.QueryAsync(db => db.Recordings.Include(r => r.Stages).SingleAsync(t.Token));
        Assert.Equal((waiting.RecordingId, status.CallId, MatchMethod.CallSid), (recording.Id, recording.CallId, recording.MatchMethod));
        Assert.Equal(
            $"callSid: no known leg {sid} and no known child of it\ncallSid: leg {sid} became known from its status callback",
            recording.MatchAttempts);
        Assert.Equal(RecordingStatus.Absent, recording.Status);
        Assert.All(recording.Stages, s => Assert.Equal(StageStatus.Skipped, s.Status));
        Assert.False((await t.QueryAsync(db => db.Calls.SingleAsync(t.Token))).RecordingMissing);
    }

    [Fact]
    public async Task WriteAsync_EfAndSqlCommandsInOneBatch_ShareTheTransaction()
    {
        await using var t = await TestServices.StartAsync();
        var writer = await t.StartWriterAsync();
        var probe = new ProbeCommand("probe-between");
        var poison = new ProbeCommand("probe-poison", poison: true);

        var results = await InOneBatchAsync(t, writer,
            TwilioCallbacks.CallStatus(TestSids.Call(), "ringing", 1), probe, poison, TwilioCallbacks.Recording(TestSids.Call(), TestSids.Recording()));

        Assert.Equal([false, false, true, false], results.Select(r => r.Error is not null));
        Assert.NotNull(probe.TransactionId);
        Assert.Equal(3, await t.QueryAsync(db => db.InboundEvents.CountAsync(t.Token)));
    }

    /// <summary>Queues <paramref name="commands"/> behind a held batch, so that they are written as one batch.</summary>
    private static async Task<List<(IngestResult? Result, Exception? Error)>> InOneBatchAsync(TestServices t, IngestionWriter writer, params IIngestCommand[] commands)
    {
        var gate = new GateCommand();
        var gated = writer.WriteAsync(gate, t.Token);
        await gate.Entered.WaitAsync(t.Token);
        var writes = commands.Select(c => writer.WriteAsync(c, t.Token)).ToArray();
        gate.Release();
        await gated;
        var outcomes = new List<(IngestResult? Result, Exception? Error)>();
        foreach (var write in writes)
        {
            try
            {
                outcomes.Add((await write, null));
            }
            catch (Exception ex)
            {
                outcomes.Add((null, ex));
            }
        }

        return outcomes;
    }
}
