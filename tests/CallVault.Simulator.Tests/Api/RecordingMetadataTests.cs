using System.Net;
using System.Text.Json;
using CallVault.Core.Twilio;
using CallVault.Simulator.Tests.TestSupport;

namespace CallVault.Simulator.Tests.Api;

public sealed class RecordingMetadataTests
{
    [Fact]
    public async Task GetRecordingJson_Completed_HasTwilioShape()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var start = new DateTimeOffset(2026, 3, 5, 9, 7, 3, TimeSpan.Zero);
        var recording = h.Simulator.AddRecording(new RecordingSpec
        {
            CallSid = "CA" + new string('e', 32), Channels = 2, DurationSeconds = 12.4, StartTime = start, Source = "Trunking",
        });

        var json = await h.GetJsonAsync($"{h.AccountPath}/Recordings/{recording.Sid}.json");

        Assert.True(TwilioSid.IsValid(json.GetProperty("sid").GetString(), TwilioSid.Recording));
        Assert.Equal(recording.Sid, json.GetProperty("sid").GetString());
        Assert.Equal(h.Simulator.AccountSid, json.GetProperty("account_sid").GetString());
        Assert.Equal(recording.CallSid, json.GetProperty("call_sid").GetString());
        Assert.Equal("completed", json.GetProperty("status").GetString());
        Assert.Equal("12", json.GetProperty("duration").GetString());
        Assert.Equal(2, json.GetProperty("channels").GetInt32());
        Assert.Equal("Trunking", json.GetProperty("source").GetString());
        Assert.Equal("Thu, 05 Mar 2026 09:07:03 +0000", json.GetProperty("start_time").GetString());
        Assert.Equal("Thu, 05 Mar 2026 09:07:03 +0000", json.GetProperty("date_created").GetString());
        Assert.Equal(recording.MediaUrl.AbsoluteUri, json.GetProperty("media_url").GetString());
        Assert.Equal($"{h.AccountPath}/Recordings/{recording.Sid}.json", json.GetProperty("uri").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("encryption_details").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("error_code").ValueKind);
        Assert.True(json.TryGetProperty("price", out _));
    }

    [Fact]
    public async Task DeleteRecording_ThenGet_Returns204Then404()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var recording = h.Simulator.AddRecording(new RecordingSpec { CallSid = "CA" + new string('e', 32), DurationSeconds = 1 });

        using var delete = await h.Http.DeleteAsync($"{h.AccountPath}/Recordings/{recording.Sid}.json", h.Token);
        using var metadata = await h.Http.GetAsync($"{h.AccountPath}/Recordings/{recording.Sid}.json", h.Token);
        using var media = await h.Http.GetAsync(recording.MediaUrl + ".wav", h.Token);
        using var again = await h.Http.DeleteAsync($"{h.AccountPath}/Recordings/{recording.Sid}.json", h.Token);

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, metadata.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, media.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.True(h.Simulator.IsDeleted(recording.Sid));
        Assert.True(recording.IsDeleted);
        Assert.Equal(1, h.Simulator.Stats.Deletes);
        var error = await SimulatorHarness.ReadJsonAsync(metadata, h.Token);
        Assert.Equal(20404, error.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task GetRecordingJson_Unknown_Returns404()
    {
        await using var h = await SimulatorHarness.StartAsync();

        using var response = await h.Http.GetAsync($"{h.AccountPath}/Recordings/RE{new string('0', 32)}.json", h.Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(h.Simulator.IsDeleted("RE" + new string('0', 32)));
    }

    [Fact]
    public async Task AddRecording_GeneratedSids_AreTwilioShaped()
    {
        await using var h = await SimulatorHarness.StartAsync();

        var call = h.Simulator.CreateCall(new CallSpec { WithChildLeg = true });
        var recording = h.Simulator.AddRecording(new RecordingSpec { CallSid = call.Parent.Sid });

        Assert.True(TwilioSid.IsValid(h.Simulator.AccountSid, TwilioSid.Account));
        Assert.Matches("^CA[0-9a-f]{32}$", call.Parent.Sid);
        Assert.Matches("^CA[0-9a-f]{32}$", call.Child!.Sid);
        Assert.Matches("^RE[0-9a-f]{32}$", recording.Sid);
        Assert.Contains(recording, h.Simulator.Recordings);
    }
}
