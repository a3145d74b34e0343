using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallVault.Core.Recordings;
using CallVault.Infrastructure.Ingestion;
using CallVault.Simulator;
using Microsoft.EntityFrameworkCore;
using CallVault.Web.Tests.TestSupport;

namespace CallVault.Web.Tests.Api;

/// <summary>
/// <c>GET /api/calls?recordingStatus=</c> lists calls by where their recording is (stored, processing, failed,
/// none), driven through real webhooks and the pipeline; <c>status=</c> keeps meaning the call's own status.
/// </summary>
public sealed class CallRecordingStatusFilterTests
{
    [Fact]
    public async Task ListCalls_ByRecordingStatus_ListsEachCallUnderWhereItsRecordingIs()
    {
        await using var s = await Scenario.StartAsync(new Dictionary<string, string?> { ["CallVault:Jobs:MaxAttempts"] = "1" });

        var stored = s.Simulator.CreateCall(new CallSpec { DurationSeconds = 3 });
        var storedRecording = s.Simulator.AddRecording(new RecordingSpec { CallSid = stored.Parent.Sid, DurationSeconds = 2, Channels = 1 });
        using (var response = await s.SendCompletedAsync(storedRecording))
        {
            Assert.True(response.IsSuccessStatusCode);
        }

        await RecordingJson.WaitForStatusAsync(s.Host.Api, storedRecording.Sid, TimeSpan.FromSeconds(60), "stored");

        var failed = s.Simulator.CreateCall(new CallSpec { DurationSeconds = 3 });
        var failedRecording = s.Simulator.AddRecording(new RecordingSpec { CallSid = failed.Parent.Sid, DurationSeconds = 2, Channels = 1 });
        s.Simulator.Faults.ServerErrorRate = 1;
        try
        {
            using var response = await s.SendCompletedAsync(failedRecording);
            Assert.True(response.IsSuccessStatusCode);
            await RecordingJson.WaitForStatusAsync(s.Host.Api, failedRecording.Sid, TimeSpan.FromSeconds(60), "failed");
        }
        finally
        {
            s.Simulator.Faults.ServerErrorRate = 0;
        }

        // A recording only joins its call in the pipeline; one still on its way and one the provider
        // never made are written beside calls that reported their status.
        var processing = await CallWithRecordingRowAsync(s, "completed", RecordingStatus.Processing);
        var absent = await CallWithRecordingRowAsync(s, "completed", RecordingStatus.Absent);
        var bare = await CallWithRecordingRowAsync(s, "busy", null);

        Assert.Equal([stored.Parent.Sid], await ListAsync(s, "recordingStatus=stored"));
        Assert.Equal([processing.Parent.Sid], await ListAsync(s, "recordingStatus=processing"));
        Assert.Equal([failed.Parent.Sid], await ListAsync(s, "recordingStatus=failed"));
        Assert.Equal(new[] { absent.Parent.Sid, bare.Parent.Sid }.Order(), (await ListAsync(s, "recordingStatus=none")).Order());
        Assert.Equal(5, (await ListAsync(s, "")).Count);

        // status= keeps meaning the call's own status, and combines with the recording's.
        Assert.Equal([bare.Parent.Sid], await ListAsync(s, "status=busy"));
        Assert.Equal([bare.Parent.Sid], await ListAsync(s, "status=busy&recordingStatus=none"));
        Assert.Empty(await ListAsync(s, "status=busy&recordingStatus=stored"));
        Assert.Equal([stored.Parent.Sid], await ListAsync(s, "status=completed&recordingStatus=stored"));
    }

    [Theory]
    [InlineData("recordingStatus=exploded")]
    [InlineData("recordingStatus=Stored")]
    public async Task ListCalls_UnknownRecordingStatus_Answers400WithTheChoices(string query)
    {
        await using var host = await CallVaultTestHost.StartAsync(null);

        using var response = await host.Api.GetAsync($"/api/calls?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("stored, processing, failed, none", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<SimulatedCall> CallWithRecordingRowAsync(Scenario s, string callStatus, RecordingStatus? recordingStatus)
    {
        var call = s.Simulator.CreateCall(new CallSpec());
        using (var response = await s.Sender.SendCallStatusAsync(s.CallStatusWebhook, call.Parent, callStatus, 1, CancellationToken.None))
        {
            Assert.True(response.IsSuccessStatusCode, $"the call status webhook answered {response.StatusCode}");
        }

        if (recordingStatus is { } status)
        {
            await s.Host.QueryAsync(async db =>
            {
                var callId = await db.Calls.Where(c => c.ProviderCallId == call.Parent.Sid).Select(c => c.Id).SingleAsync();
                var recording = RecordingFactory.Create("twilio", "RE" + Guid.NewGuid().ToString("N"), new DateTime(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc));
                recording.CallId = callId;
                recording.Status = status;
                db.Recordings.Add(recording);
                return await db.SaveChangesAsync();
            });
        }

        return call;
    }

    private static async Task<List<string?>> ListAsync(Scenario s, string query)
    {
        var page = await s.Host.Api.GetFromJsonAsync<JsonElement>($"/api/calls?{query}");
        return [.. page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("providerCallId").GetString())];
    }
}
