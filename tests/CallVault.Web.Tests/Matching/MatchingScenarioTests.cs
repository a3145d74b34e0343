using System.Net.Http.Json;
using System.Text.Json;
using CallVault.Simulator;
using CallVault.Web.Tests.TestSupport;

namespace CallVault.Web.Tests.Matching;

/// <summary>
/// FIELD-NOTES §1: a recording callback often carries a CallSid the application never stored. Each
/// scenario ends on the right call, with the right match method, and one call per parent call.
/// </summary>
public sealed class MatchingScenarioTests
{
    private static async Task SendStatusAsync(Scenario s, SimulatedLeg leg, string status, int sequence)
    {
        using var response = await s.Sender.SendCallStatusAsync(s.CallStatusWebhook, leg, status, sequence, CancellationToken.None);
        Assert.True(response.IsSuccessStatusCode, $"call status answered {response.StatusCode}");
    }

    private static async Task<JsonElement> StoredAsync(Scenario s, SimulatedRecording recording)
    {
        using var response = await s.SendCompletedAsync(recording);
        Assert.True(response.IsSuccessStatusCode);
        return await RecordingJson.WaitForStatusAsync(s.Host.Api, recording.Sid, TimeSpan.FromSeconds(30), "stored");
    }

    private static async Task<List<JsonElement>> CallsAsync(Scenario s) =>
        [.. (await s.Host.Api.GetFromJsonAsync<JsonElement>("/api/calls")).GetProperty("items").EnumerateArray()];

    private static string Method(JsonElement recording) => recording.GetProperty("match").GetProperty("method").GetString()!;

    [Fact]
    public async Task OnlyParentKnown_RecordingCarriesChildSid_MatchesParentThroughCallsApi()
    {
        await using var s = await Scenario.StartAsync();
        var call = s.Simulator.CreateCall(new CallSpec { WithChildLeg = true });
        await SendStatusAsync(s, call.Parent, "completed", 1);
        var recording = s.Simulator.AddRecording(new RecordingSpec { CallSid = call.Child!.Sid, DurationSeconds = 2 });

        var stored = await StoredAsync(s, recording);

        var only = Assert.Single(await CallsAsync(s));
        Assert.Equal(call.Parent.Sid, only.GetProperty("providerCallId").GetString());
        Assert.Equal(only.GetProperty("id").GetString(), stored.GetProperty("callId").GetString());
        Assert.Equal("parentCallSid", Method(stored));
        Assert.Contains(only.GetProperty("legs").EnumerateArray(), l => l.GetProperty("providerCallId").GetString() == call.Child.Sid);
    }

    [Fact]
    public async Task BothLegsKnown_RecordingCarriesChildSid_MatchesTheLeg()
    {
        await using var s = await Scenario.StartAsync();
        var call = s.Simulator.CreateCall(new CallSpec { WithChildLeg = true });
        await SendStatusAsync(s, call.Parent, "in-progress", 1);
        await SendStatusAsync(s, call.Child!, "completed", 2);
        await SendStatusAsync(s, call.Parent, "completed", 3);
        var recording = s.Simulator.AddRecording(new RecordingSpec { CallSid = call.Child!.Sid, DurationSeconds = 2 });

        var stored = await StoredAsync(s, recording);

        var only = Assert.Single(await CallsAsync(s));
        Assert.Equal(only.GetProperty("id").GetString(), stored.GetProperty("callId").GetString());
        Assert.Equal("callSid", Method(stored));
        Assert.Equal(0, s.Simulator.Stats.CallRequests);
    }

    [Fact]
    public async Task NothingKnown_RecordingCarriesParentSid_CreatesTheCallOnceFromProviderData()
    {
        await using var s = await Scenario.StartAsync();
        var call = s.Simulator.CreateCall(new CallSpec { From = "+15551230000", To = "+15559990000" });
        var recording = s.Simulator.AddRecording(new RecordingSpec { CallSid = call.Parent.Sid, DurationSeconds = 2 });

        var stored = await StoredAsync(s, recording);
        await SendStatusAsync(s, call.Parent, "completed", 5);

        var only = Assert.Single(await CallsAsync(s));
        Assert.Equal("created", Method(stored));
        Assert.Equal(call.Parent.Sid, only.GetProperty("providerCallId").GetString());
        Assert.Equal("+15551230000", only.GetProperty("from").GetString());
        Assert.Equal(only.GetProperty("id").GetString(), stored.GetProperty("callId").GetString());
    }

    [Fact]
    public async Task NothingKnown_RecordingCarriesChildSid_CreatesOneCallForTheParent()
    {
        await using var s = await Scenario.StartAsync();
        var call = s.Simulator.CreateCall(new CallSpec { WithChildLeg = true });
        var recording = s.Simulator.AddRecording(new RecordingSpec { CallSid = call.Child!.Sid, DurationSeconds = 2 });

        var stored = await StoredAsync(s, recording);
        await SendStatusAsync(s, call.Parent, "completed", 7);
        await SendStatusAsync(s, call.Child, "completed", 8);

        var only = Assert.Single(await CallsAsync(s));
        Assert.Equal("created", Method(stored));
        Assert.Equal(call.Parent.Sid, only.GetProperty("providerCallId").GetString());
        Assert.Equal(2, only.GetProperty("legs").GetArrayLength());
        Assert.Equal(only.GetProperty("id").GetString(), stored.GetProperty("callId").GetString());
    }

    [Fact]
    public async Task TwoConcurrentCallsFromOneNumber_ChildSid_GoesToItsOwnParentNotAGuess()
    {
        await using var s = await Scenario.StartAsync();
        var start = DateTimeOffset.UtcNow.AddMinutes(-2);
        var first = s.Simulator.CreateCall(new CallSpec { From = "+15550001111", WithChildLeg = true, StartTime = start });
        var second = s.Simulator.CreateCall(new CallSpec { From = "+15550001111", WithChildLeg = true, StartTime = start.AddSeconds(5) });
        await SendStatusAsync(s, first.Parent, "completed", 1);
        await SendStatusAsync(s, second.Parent, "completed", 1);
        var recording = s.Simulator.AddRecording(new RecordingSpec { CallSid = second.Child!.Sid, DurationSeconds = 2 });

        var stored = await StoredAsync(s, recording);

        var calls = await CallsAsync(s);
        Assert.Equal(2, calls.Count);
        var secondCall = calls.Single(c => c.GetProperty("providerCallId").GetString() == second.Parent.Sid);
        Assert.Equal(secondCall.GetProperty("id").GetString(), stored.GetProperty("callId").GetString());
        Assert.Equal("parentCallSid", Method(stored));
    }

    [Fact]
    public async Task TwoCandidatesInTheTimeWindow_NoSidRelation_IsRefusedAndLeftUnmatchedButStored()
    {
        await using var s = await Scenario.StartAsync();
        var start = DateTimeOffset.UtcNow.AddMinutes(-2);
        var spec = new CallSpec { From = "+15550002222", To = "+15559990000", StartTime = start };
        var a = s.Simulator.CreateCall(spec);
        var b = s.Simulator.CreateCall(spec with { StartTime = start.AddSeconds(10) });
        await SendStatusAsync(s, a.Parent, "completed", 1);
        await SendStatusAsync(s, b.Parent, "completed", 1);
        var unknown = s.Simulator.CreateCall(spec with { StartTime = start.AddSeconds(5) });
        var recording = s.Simulator.AddRecording(new RecordingSpec { CallSid = unknown.Parent.Sid, DurationSeconds = 2 });

        var stored = await StoredAsync(s, recording);

        Assert.Equal("unmatched", Method(stored));
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("callId").ValueKind);
        Assert.Contains(stored.GetProperty("match").GetProperty("attempts").EnumerateArray(), a => a.GetString()!.Contains("ambiguous", StringComparison.Ordinal));
        Assert.Equal(2, (await CallsAsync(s)).Count);
        var unmatched = await s.Host.Api.GetFromJsonAsync<JsonElement>("/api/recordings?unmatched=true");
        Assert.Equal(recording.Sid, Assert.Single(unmatched.GetProperty("items").EnumerateArray()).GetProperty("providerRecordingId").GetString());
    }

    [Fact]
    public async Task OneCandidateInTheTimeWindow_NoSidRelation_MatchesByTimeWindow()
    {
        await using var s = await Scenario.StartAsync();
        var start = DateTimeOffset.UtcNow.AddMinutes(-2);
        var spec = new CallSpec { From = "+15550003333", To = "+15559990000", StartTime = start };
        var known = s.Simulator.CreateCall(spec);
        await SendStatusAsync(s, known.Parent, "completed", 1);
        var other = s.Simulator.CreateCall(spec with { StartTime = start.AddSeconds(20) });
        var recording = s.Simulator.AddRecording(new RecordingSpec { CallSid = other.Parent.Sid, DurationSeconds = 2 });

        var stored = await StoredAsync(s, recording);

        var only = Assert.Single(await CallsAsync(s));
        Assert.Equal("timeWindow", Method(stored));
        Assert.Equal(only.GetProperty("id").GetString(), stored.GetProperty("callId").GetString());
    }

    [Fact]
    public async Task ProviderApiOff_RecordingFirst_IsStoredUnmatchedThenJoinsWhenItsLegReports()
    {
        await using var s = await Scenario.StartAsync(new Dictionary<string, string?> { ["CallVault:Matching:UseProviderApi"] = "false" });
        var call = s.Simulator.CreateCall(new CallSpec());
        var recording = s.Simulator.AddRecording(new RecordingSpec { CallSid = call.Parent.Sid, DurationSeconds = 2 });

        var stored = await StoredAsync(s, recording);
        await SendStatusAsync(s, call.Parent, "completed", 1);
        var after = await RecordingJson.FindByProviderIdAsync(s.Host.Api, recording.Sid);

        Assert.Equal("unmatched", Method(stored));
        Assert.Equal("callSid", Method(after!.Value));
        Assert.Equal(Assert.Single(await CallsAsync(s)).GetProperty("id").GetString(), after.Value.GetProperty("callId").GetString());
    }
}
