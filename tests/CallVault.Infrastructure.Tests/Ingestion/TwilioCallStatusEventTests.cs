using CallVault.Core.Recordings;
using CallVault.Infrastructure.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Tests.Ingestion;

public sealed class TwilioCallStatusEventTests
{
    [Fact]
    public async Task WriteAsync_ChildLegBeforeItsUnknownParent_CreatesOneCallKeyedByTheParentAndTheParentLandsOnIt()
    {
        await using var t = await TestServices.StartAsync();
        var writer = await t.StartWriterAsync();
        var parent = TestSids.Call();
        var child = TestSids.Call();

        var childResult = await writer.WriteAsync(TwilioCallbacks.CallStatus(child, "in-progress", 1, parentCallSid: parent, direction: "outbound-dial", to: "client:agent"), t.Token);
        var afterChild = await t.QueryAsync(db => db.Calls.Include(c => c.Legs).ToListAsync(t.Token));
        var parentResult = await writer.WriteAsync(TwilioCallbacks.CallStatus(parent, "completed", 4), t.Token);

        var created = Assert.Single(afterChild);
        Assert.Equal(parent, created.ProviderCallId);
        Assert.Equal(childResult.CallId, created.Id);
        Assert.Equal(created.Id, parentResult.CallId);
        var call = await t.QueryAsync(db => db.Calls.Include(c => c.Legs).SingleAsync(t.Token));
        Assert.Equal(("completed", "inbound", "+14155550100", "+14155550199", 42), (call.Status, call.Direction, call.From, call.To, call.DurationSeconds));
        Assert.Equal(2, call.Legs.Count);
        var childLeg = call.Legs.Single(l => l.ProviderCallId == child);
        Assert.Equal((parent, "in-progress", "outbound-dial"), (childLeg.ParentProviderCallId, childLeg.Status, childLeg.Direction));
        Assert.Null(call.Legs.Single(l => l.ProviderCallId == parent).ParentProviderCallId);
    }

    [Fact]
    public async Task WriteAsync_ChildLegOfAKnownParent_JoinsTheParentsCall()
    {
        await using var t = await TestServices.StartAsync();
        var writer = await t.StartWriterAsync();
        var parent = TestSids.Call();
        var child = TestSids.Call();
        var parentResult = await writer.WriteAsync(TwilioCallbacks.CallStatus(parent, "in-progress", 1), t.Token);

        var childResult = await writer.WriteAsync(TwilioCallbacks.CallStatus(child, "completed", 2, parentCallSid: parent, direction: "outbound-dial"), t.Token);
        var recording = await writer.WriteAsync(TwilioCallbacks.Recording(child, TestSids.Recording()), t.Token);

        Assert.Equal(parentResult.CallId, childResult.CallId);
        Assert.Equal(parentResult.CallId, recording.CallId);
        var call = await t.QueryAsync(db => db.Calls.SingleAsync(t.Token));
        Assert.Equal(("in-progress", "inbound"), (call.Status, call.Direction));
        var stored = await t.QueryAsync(db => db.Recordings.SingleAsync(t.Token));
        Assert.Equal(MatchMethod.CallSid, stored.MatchMethod);
        Assert.Contains($"child of {parent}", stored.MatchDetail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_OlderEventArrivingLate_DoesNotMoveTheCallBackwards()
    {
        await using var t = await TestServices.StartAsync();
        var writer = await t.StartWriterAsync();
        var sid = TestSids.Call();
        await writer.WriteAsync(TwilioCallbacks.CallStatus(sid, "completed", 5), t.Token);

        var late = await writer.WriteAsync(TwilioCallbacks.CallStatus(sid, "ringing", 2), t.Token);

        Assert.False(late.Duplicate);
        var call = await t.QueryAsync(db => db.Calls.Include(c => c.Legs).SingleAsync(t.Token));
        Assert.Equal("completed", call.Status);
        Assert.Equal(5, Assert.Single(call.Legs).LastSequenceNumber);
        Assert.Equal(2, await t.QueryAsync(db => db.InboundEvents.CountAsync(t.Token)));
    }

    [Fact]
    public async Task WriteAsync_SameStatusDeliveredTwice_IsADuplicate()
    {
        await using var t = await TestServices.StartAsync();
        var writer = await t.StartWriterAsync();
        var sid = TestSids.Call();

        await writer.WriteAsync(TwilioCallbacks.CallStatus(sid, "completed", 5), t.Token);
        var again = await writer.WriteAsync(TwilioCallbacks.CallStatus(sid, "completed", 5), t.Token);

        Assert.True(again.Duplicate);
        Assert.Equal(1, await t.QueryAsync(db => db.InboundEvents.CountAsync(t.Token)));
    }

    [Fact]
    public async Task WriteAsync_RecordingForChildLegBeforeAnyStatus_LandsOnTheParentsCallOnceTheStatusesArrive()
    {
        await using var t = await TestServices.StartAsync();
        var writer = await t.StartWriterAsync();
        var parent = TestSids.Call();
        var child = TestSids.Call();

        var waiting = await writer.WriteAsync(TwilioCallbacks.Recording(child, TestSids.Recording()), t.Token);
        var childResult = await writer.WriteAsync(TwilioCallbacks.CallStatus(child, "completed", 3, parentCallSid: parent, direction: "outbound-dial"), t.Token);
        var parentResult = await writer.WriteAsync(TwilioCallbacks.CallStatus(parent, "completed", 4), t.Token);

        Assert.Equal(childResult.CallId, parentResult.CallId);
        var call = await t.QueryAsync(db => db.Calls.Include(c => c.Legs).SingleAsync(t.Token));
        Assert.Equal(parent, call.ProviderCallId);
        Assert.Equal(parent, call.Legs.Single(l => l.ProviderCallId == child).ParentProviderCallId);
        Assert.Null(waiting.CallId);
        var recording = await t.QueryAsync(db => db.Recordings.SingleAsync(t.Token));
        Assert.Equal((call.Id, MatchMethod.CallSid), (recording.CallId, recording.MatchMethod));
    }
}
