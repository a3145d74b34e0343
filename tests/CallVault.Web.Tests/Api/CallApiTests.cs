using System.Net.Http.Json;
using System.Text.Json;
using CallVault.Simulator;
using CallVault.Web.Tests.TestSupport;

namespace CallVault.Web.Tests.Api;

public sealed class CallApiTests
{
    [Fact]
    public async Task CallStatus_ParentAndChildLegs_FormOneCallWithBothLegs()
    {
        await using var s = await Scenario.StartAsync();
        var call = s.Simulator.CreateCall(new CallSpec { WithChildLeg = true, From = "+15551230000", To = "+15559990000" });
        var recording = s.Simulator.AddRecording(new RecordingSpec { CallSid = call.Child!.Sid, DurationSeconds = 2, Channels = 2 });

        var seq = 0;
        foreach (var (leg, status) in new[] { (call.Parent, "ringing"), (call.Parent, "in-progress"), (call.Child!, "in-progress"), (call.Child!, "completed"), (call.Parent, "completed") })
        {
            using var r = await s.Sender.SendCallStatusAsync(s.CallStatusWebhook, leg, status, seq++, CancellationToken.None);
            Assert.True(r.IsSuccessStatusCode, $"call status answered {r.StatusCode}");
        }

        using var _ = await s.SendCompletedAsync(recording);
        var stored = await RecordingJson.WaitForStatusAsync(s.Host.Api, recording.Sid, TimeSpan.FromSeconds(30), "stored");

        var calls = await s.Host.Api.GetFromJsonAsync<JsonElement>("/api/calls");
        var only = Assert.Single(calls.GetProperty("items").EnumerateArray());
        Assert.Equal(call.Parent.Sid, only.GetProperty("providerCallId").GetString());
        Assert.Equal("completed", only.GetProperty("status").GetString());
        Assert.Equal("+15551230000", only.GetProperty("from").GetString());
        var legs = only.GetProperty("legs").EnumerateArray().ToList();
        Assert.Equal(2, legs.Count);
        Assert.Equal(call.Parent.Sid, legs[1].GetProperty("parentProviderCallId").GetString());
        Assert.Equal(stored.GetProperty("callId").GetString(), only.GetProperty("id").GetString());
        Assert.Equal("callSid", stored.GetProperty("match").GetProperty("method").GetString());

        var detail = await s.Host.Api.GetFromJsonAsync<JsonElement>($"/api/calls/{only.GetProperty("id").GetString()}");
        Assert.Equal(recording.Sid, Assert.Single(detail.GetProperty("recordings").EnumerateArray()).GetProperty("providerRecordingId").GetString());

        // The list item and the detail share the call's own fields, first and in the same order.
        string[] callFields = ["id", "provider", "providerCallId", "direction", "from", "to", "status", "startedAt", "endedAt", "durationSeconds", "recordingMissing", "recordingStart"];
        Assert.Equal([.. callFields, "legs", "recordings", "snippet"], only.EnumerateObject().Select(p => p.Name));
        Assert.Equal([.. callFields, "legs", "recordings"], detail.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task CallStatus_OutOfOrderEvents_KeepTheLatestState()
    {
        await using var s = await Scenario.StartAsync();
        var call = s.Simulator.CreateCall(new CallSpec());

        using (var done = await s.Sender.SendCallStatusAsync(s.CallStatusWebhook, call.Parent, "completed", 3, CancellationToken.None))
        using (var late = await s.Sender.SendCallStatusAsync(s.CallStatusWebhook, call.Parent, "ringing", 1, CancellationToken.None))
        {
            Assert.True(done.IsSuccessStatusCode && late.IsSuccessStatusCode);
        }

        var calls = await s.Host.Api.GetFromJsonAsync<JsonElement>("/api/calls");
        var only = Assert.Single(calls.GetProperty("items").EnumerateArray());
        Assert.Equal("completed", only.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ListCalls_FilterByPhoneAndDirection()
    {
        await using var s = await Scenario.StartAsync();
        var a = s.Simulator.CreateCall(new CallSpec { From = "+15550000001", Direction = "inbound" });
        var b = s.Simulator.CreateCall(new CallSpec { From = "+15550000002", Direction = "outbound-api" });
        foreach (var leg in new[] { a.Parent, b.Parent })
        {
            using var r = await s.Sender.SendCallStatusAsync(s.CallStatusWebhook, leg, "completed", 1, CancellationToken.None);
        }

        var byPhone = await s.Host.Api.GetFromJsonAsync<JsonElement>("/api/calls?phone=%2B15550000001");
        var byDirection = await s.Host.Api.GetFromJsonAsync<JsonElement>("/api/calls?direction=outbound-api");

        Assert.Equal(a.Parent.Sid, Assert.Single(byPhone.GetProperty("items").EnumerateArray()).GetProperty("providerCallId").GetString());
        Assert.Equal(b.Parent.Sid, Assert.Single(byDirection.GetProperty("items").EnumerateArray()).GetProperty("providerCallId").GetString());
    }

    [Fact]
    public async Task ListCalls_PagingThroughCallsThatStartedTogether_VisitsEachOnceNewestFirst()
    {
        await using var s = await Scenario.StartAsync();
        // Twilio's Timestamp has whole seconds: calls that start in the same second tie on StartedAt, and the cursor's id decides.
        var at = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
        var starts = new[] { at.AddMinutes(-1), at, at, at, at.AddMinutes(1), at, at.AddMinutes(-1) };
        var sids = new List<string>();
        foreach (var start in starts)
        {
            var call = s.Simulator.CreateCall(new CallSpec());
            sids.Add(call.Parent.Sid);
            using var r = await s.Sender.SendSignedFormAsync(s.CallStatusWebhook, TwilioCallbackSender.CallStatusFields(call.Parent, "ringing", 0, start), CancellationToken.None);
            Assert.True(r.IsSuccessStatusCode, $"call status answered {r.StatusCode}");
        }

        var seen = new List<(string Sid, DateTime StartedAt)>();
        string? cursor = null;
        do
        {
            var page = await s.Host.Api.GetFromJsonAsync<JsonElement>($"/api/calls?limit=2{(cursor is null ? "" : $"&cursor={cursor}")}");
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(c => (c.GetProperty("providerCallId").GetString()!, c.GetProperty("startedAt").GetDateTime())));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(sids.Order(), seen.Select(c => c.Sid).Order());
        Assert.Equal(seen.Select(c => c.StartedAt).OrderDescending(), seen.Select(c => c.StartedAt));
        Assert.Equal(at.UtcDateTime, seen[1].StartedAt);
    }
}
