using System.Net;
using System.Text.Json;
using CallVault.Simulator.Tests.TestSupport;

namespace CallVault.Simulator.Tests.Api;

public sealed class CallEndpointTests
{
    [Fact]
    public async Task GetCallJson_ChildLeg_HasParentCallSid()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var call = h.Simulator.CreateCall(new CallSpec { From = "+14155550100", To = "+14155550111", WithChildLeg = true, DurationSeconds = 42 });

        var parent = await h.GetJsonAsync($"{h.AccountPath}/Calls/{call.Parent.Sid}.json");
        var child = await h.GetJsonAsync($"{h.AccountPath}/Calls/{call.Child!.Sid}.json");

        Assert.Equal(JsonValueKind.Null, parent.GetProperty("parent_call_sid").ValueKind);
        Assert.Equal("inbound", parent.GetProperty("direction").GetString());
        Assert.Equal("+14155550100", parent.GetProperty("from").GetString());
        Assert.Equal("completed", parent.GetProperty("status").GetString());
        Assert.Equal("42", parent.GetProperty("duration").GetString());
        Assert.Equal(call.Parent.Sid, child.GetProperty("parent_call_sid").GetString());
        Assert.Equal("outbound-dial", child.GetProperty("direction").GetString());
        Assert.Equal("client:agent", child.GetProperty("to").GetString());
        Assert.Equal(h.Simulator.AccountSid, child.GetProperty("account_sid").GetString());
        Assert.NotEqual(JsonValueKind.Null, child.GetProperty("end_time").ValueKind);
    }

    [Fact]
    public async Task ListCalls_ParentCallSid_ListsChildren()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var call = h.Simulator.CreateCall(new CallSpec { WithChildLeg = true });
        h.Simulator.CreateCall(new CallSpec { WithChildLeg = true });

        var list = await h.GetJsonAsync($"{h.AccountPath}/Calls.json?ParentCallSid={call.Parent.Sid}");

        var only = Assert.Single(list.GetProperty("calls").EnumerateArray());
        Assert.Equal(call.Child!.Sid, only.GetProperty("sid").GetString());
        Assert.Equal(JsonValueKind.Null, list.GetProperty("next_page_uri").ValueKind);
    }

    [Fact]
    public async Task GetCallJson_Unknown_Returns404()
    {
        await using var h = await SimulatorHarness.StartAsync();

        using var response = await h.Http.GetAsync($"{h.AccountPath}/Calls/CA{new string('0', 32)}.json", h.Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task StartRecording_Twice_ReturnsSameRecording()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var call = h.Simulator.CreateCall(new CallSpec { Status = "in-progress", DurationSeconds = 5 });
        var form = new Dictionary<string, string>
        {
            ["RecordingChannels"] = "dual",
            ["RecordingStatusCallback"] = "https://example.test/webhooks/twilio/recording",
            ["RecordingStatusCallbackEvent"] = "in-progress completed absent",
        };

        using var first = await h.Http.PostAsync($"{h.AccountPath}/Calls/{call.Parent.Sid}/Recordings.json", new FormUrlEncodedContent(form), h.Token);
        using var second = await h.Http.PostAsync($"{h.AccountPath}/Calls/{call.Parent.Sid}/Recordings.json", new FormUrlEncodedContent(form), h.Token);
        var a = await SimulatorHarness.ReadJsonAsync(first, h.Token);
        var b = await SimulatorHarness.ReadJsonAsync(second, h.Token);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(a.GetProperty("sid").GetString(), b.GetProperty("sid").GetString());
        Assert.Equal("in-progress", a.GetProperty("status").GetString());
        Assert.Equal(2, a.GetProperty("channels").GetInt32());
        Assert.Equal(call.Parent.Sid, a.GetProperty("call_sid").GetString());
        var recording = Assert.Single(h.Simulator.Recordings);
        Assert.Equal("StartCallRecordingAPI", recording.Source);
        Assert.Equal("https://example.test/webhooks/twilio/recording", recording.StatusCallbackUrl);

        call.Status = "completed";
        Assert.Equal("completed", recording.Status);
    }

    [Fact]
    public async Task StartRecording_CompletedCall_Returns400WithCode21220()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var call = h.Simulator.CreateCall(new CallSpec { Status = "completed" });

        using var response = await h.Http.PostAsync($"{h.AccountPath}/Calls/{call.Parent.Sid}/Recordings.json",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["RecordingChannels"] = "dual" }), h.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await SimulatorHarness.ReadJsonAsync(response, h.Token);
        Assert.Equal(21220, error.GetProperty("code").GetInt32());
        Assert.Equal(400, error.GetProperty("status").GetInt32());
        Assert.Equal("Call is not in-progress. Cannot redirect.", error.GetProperty("message").GetString());
        Assert.Empty(h.Simulator.Recordings);
    }
}
