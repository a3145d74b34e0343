using System.Net.Http.Json;
using System.Text.Json;
using CallVault.Simulator;
using CallVault.Web.Tests.TestSupport;

namespace CallVault.Web.Tests.Imports;

/// <summary>Recovery of unmatched recordings: the matching chain runs again once the call history is known.</summary>
public sealed class RematchTests
{
    [Fact]
    public async Task Rematch_CallHistoryArrivedAfterTheRecording_MovesItToItsCall()
    {
        await using var s = await Scenario.StartAsync(new Dictionary<string, string?> { ["CallVault:Matching:UseProviderApi"] = "false" });
        var call = s.Simulator.CreateCall(new CallSpec { WithChildLeg = true });
        var recording = s.Simulator.AddRecording(new RecordingSpec { CallSid = call.Parent.Sid, DurationSeconds = 1, Channels = 1 });
        using (var response = await s.SendCompletedAsync(recording))
        {
            Assert.True(response.IsSuccessStatusCode);
        }

        var stored = await RecordingJson.WaitForStatusAsync(s.Host.Api, recording.Sid, TimeSpan.FromSeconds(30), "stored");
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("callId").ValueKind);
        // Only the child leg reports its status; it names the recording's leg as its parent.
        using (var response = await s.Sender.SendCallStatusAsync(s.CallStatusWebhook, call.Child!, "completed", 1, CancellationToken.None))
        {
            Assert.True(response.IsSuccessStatusCode);
        }

        var before = await RecordingJson.FindByProviderIdAsync(s.Host.Api, recording.Sid);

        using var rematch = await s.Host.Api.PostAsync("/api/recordings/rematch", content: null);
        var report = await rematch.Content.ReadFromJsonAsync<JsonElement>();
        using var again = await s.Host.Api.PostAsync("/api/recordings/rematch", content: null);
        var second = await again.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(JsonValueKind.Null, before!.Value.GetProperty("callId").ValueKind);
        Assert.True(rematch.IsSuccessStatusCode);
        Assert.Equal(1, report.GetProperty("examined").GetInt32());
        Assert.Equal(1, report.GetProperty("matched").GetInt32());
        Assert.Equal(0, report.GetProperty("stillUnmatched").GetInt32());
        var method = Assert.Single(report.GetProperty("byMethod").EnumerateObject());
        Assert.Contains(method.Name, new[] { "callSid", "parentCallSid" });
        Assert.Equal(1, method.Value.GetInt32());
        var after = await RecordingJson.FindByProviderIdAsync(s.Host.Api, recording.Sid);
        var onlyCall = Assert.Single((await s.Host.Api.GetFromJsonAsync<JsonElement>("/api/calls")).GetProperty("items").EnumerateArray());
        Assert.Equal(onlyCall.GetProperty("id").GetString(), after!.Value.GetProperty("callId").GetString());
        Assert.Equal(method.Name, after.Value.GetProperty("match").GetProperty("method").GetString());
        Assert.Equal(0, second.GetProperty("examined").GetInt32());
    }

    [Fact]
    public async Task Rematch_WithoutAdminKey_Unauthorized()
    {
        await using var s = await Scenario.StartAsync();

        using var response = await s.Host.Anonymous.PostAsync("/api/recordings/rematch", content: null);

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
