using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallVault.Core.Calls;
using CallVault.Core.Jobs;
using CallVault.Infrastructure.Ingestion;
using CallVault.Infrastructure.Twilio;
using CallVault.Simulator;
using CallVault.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CallVault.Web.Tests.Voice;

public sealed class StartRecordingTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>A call in the simulator and the same call known to CallVault (as a call-status webhook would have made it).</summary>
    private static async Task<(SimulatedCall Simulated, Guid CallId)> NewCallAsync(Scenario s, string status)
    {
        var simulated = s.Simulator.CreateCall(new CallSpec { Status = status });
        var callId = await s.Host.QueryAsync(async db =>
        {
            var now = DateTime.UnixEpoch.AddYears(56);
            var (call, _) = CallResolver.CreateCall(db, "twilio", simulated.Parent.Sid, null, now, now);
            await db.SaveChangesAsync();
            return call.Id;
        });
        return (simulated, callId);
    }

    private static Task<Call> WaitForOutcomeAsync(Scenario s, Guid callId) => Eventually.WaitAsync(
        () => s.Host.QueryAsync(db => db.Calls.AsNoTracking().SingleAsync(c => c.Id == callId)),
        c => c.RecordingStartStatus is not (null or RecordingStartStatus.Queued),
        Timeout,
        "the start-recording outcome");

    [Fact]
    public async Task StartRecording_CallInProgress_StartsADualChannelRecordingAndRecordsItsSid()
    {
        await using var s = await Scenario.StartAsync();
        var (simulated, callId) = await NewCallAsync(s, "in-progress");

        using var response = await s.Host.Api.PostAsync($"/api/calls/{callId}/start-recording", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("queued", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var call = await WaitForOutcomeAsync(s, callId);
        Assert.Equal(RecordingStartStatus.Started, call.RecordingStartStatus);
        var recording = Assert.Single(s.Simulator.Recordings);
        Assert.Equal(recording.Sid, call.RecordingStartRecordingSid);
        Assert.Equal(simulated.Parent.Sid, recording.CallSid);
        Assert.Equal(2, recording.Channels);
        Assert.Equal(s.Host.Webhook("/webhooks/twilio/recording").AbsoluteUri, recording.StatusCallbackUrl);
        Assert.Equal("in-progress completed absent", recording.StatusCallbackEvents);
        var shown = await s.Host.Api.GetFromJsonAsync<JsonElement>($"/api/calls/{callId}");
        Assert.Equal("started", shown.GetProperty("recordingStart").GetProperty("status").GetString());
        Assert.Equal(recording.Sid, shown.GetProperty("recordingStart").GetProperty("recordingSid").GetString());
    }

    [Fact]
    public async Task StartRecording_Twice_YieldsOneRecording()
    {
        await using var s = await Scenario.StartAsync();
        var (simulated, callId) = await NewCallAsync(s, "in-progress");
        using (var first = await s.Host.Api.PostAsync($"/api/calls/{callId}/start-recording", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        }

        var call = await WaitForOutcomeAsync(s, callId);

        // Through the API: already started is a conflict, not a second request to Twilio.
        using var again = await s.Host.Api.PostAsync($"/api/calls/{callId}/start-recording", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        // Straight to Twilio: a second start returns the same recording, without error.
        var client = s.Host.Services.GetRequiredService<TwilioCallsClient>();
        var second = await client.StartRecordingAsync(simulated.Parent.Sid, s.Host.Webhook("/webhooks/twilio/recording"), CancellationToken.None);
        var started = Assert.IsType<RecordingStartResult.Started>(second);
        Assert.Equal(call.RecordingStartRecordingSid, started.RecordingSid);
        Assert.Single(s.Simulator.Recordings);
    }

    [Fact]
    public async Task StartRecording_CallCompleted_RecordsCallNotInProgressAndDoesNotRetry()
    {
        await using var s = await Scenario.StartAsync();
        var (_, callId) = await NewCallAsync(s, "completed");

        using var response = await s.Host.Api.PostAsync($"/api/calls/{callId}/start-recording", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var call = await WaitForOutcomeAsync(s, callId);
        Assert.Equal(RecordingStartStatus.CallNotInProgress, call.RecordingStartStatus);
        Assert.Contains("21220", call.RecordingStartDetail, StringComparison.Ordinal);
        Assert.Null(call.RecordingStartRecordingSid);
        var job = await Eventually.WaitAsync(
            () => s.Host.QueryAsync(db => db.Jobs.AsNoTracking().SingleAsync(j => j.Id == call.RecordingStartJobId)),
            j => j.State != JobState.Running,
            Timeout,
            "the job to finish");
        Assert.Equal(JobState.Succeeded, job.State);
        Assert.Equal(1, job.Attempts);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(1, s.Simulator.Stats.RecordingStarts);
        Assert.Empty(s.Simulator.Recordings);
    }

    [Fact]
    public async Task StartRecording_UnknownCall_Answers404()
    {
        await using var s = await Scenario.StartAsync();

        using var response = await s.Host.Api.PostAsync($"/api/calls/{Guid.NewGuid()}/start-recording", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task StartRecording_Anonymous_Answers401()
    {
        await using var s = await Scenario.StartAsync();
        var (_, callId) = await NewCallAsync(s, "in-progress");

        using var response = await s.Host.Anonymous.PostAsync($"/api/calls/{callId}/start-recording", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, s.Simulator.Stats.RecordingStarts);
    }
}
