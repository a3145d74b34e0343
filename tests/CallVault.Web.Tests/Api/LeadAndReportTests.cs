using System.Net.Http.Json;
using System.Text.Json;
using CallVault.Infrastructure.Calls;
using CallVault.Simulator;
using CallVault.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CallVault.Web.Tests.Api;

public sealed class LeadAndReportTests
{
    [Fact]
    public async Task Leads_NumberWrittenAnyWay_FindsCallsInBothDirections()
    {
        await using var s = await Scenario.StartAsync();
        var inbound = s.Simulator.CreateCall(new CallSpec { From = "+14155550123", To = "+14155550100", Direction = "inbound" });
        var outbound = s.Simulator.CreateCall(new CallSpec { From = "+14155550100", To = "+14155550123", Direction = "outbound-api" });
        var unrelated = s.Simulator.CreateCall(new CallSpec { From = "+14155550999", To = "+14155550100" });
        foreach (var leg in new[] { inbound.Parent, outbound.Parent, unrelated.Parent })
        {
            using var r = await s.Sender.SendCallStatusAsync(s.CallStatusWebhook, leg, "completed", 1, CancellationToken.None);
        }

        var leads = await s.Host.Api.GetFromJsonAsync<JsonElement>("/api/phones/(415)%20555-0123/calls");

        var sids = leads.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("providerCallId").GetString()).ToHashSet();
        Assert.Equal(new HashSet<string?> { inbound.Parent.Sid, outbound.Parent.Sid }, sids);
    }

    [Fact]
    public async Task AnsweredCallWithoutRecording_IsMarkedMissingAndCountedPerDirection()
    {
        await using var s = await Scenario.StartAsync(new Dictionary<string, string?> { ["CallVault:Calls:RecordingGraceSeconds"] = "1" });
        var unrecorded = s.Simulator.CreateCall(new CallSpec { Direction = "inbound", StartTime = DateTimeOffset.UtcNow.AddMinutes(-5), DurationSeconds = 30 });
        var recorded = s.Simulator.CreateCall(new CallSpec { Direction = "outbound-api", StartTime = DateTimeOffset.UtcNow.AddMinutes(-5), DurationSeconds = 30 });
        foreach (var leg in new[] { unrecorded.Parent, recorded.Parent })
        {
            using var r = await s.Sender.SendCallStatusAsync(s.CallStatusWebhook, leg, "completed", 1, CancellationToken.None);
        }

        var recording = s.Simulator.AddRecording(new RecordingSpec { CallSid = recorded.Parent.Sid, DurationSeconds = 2 });
        using (var _ = await s.SendCompletedAsync(recording))
        {
            await RecordingJson.WaitForStatusAsync(s.Host.Api, recording.Sid, TimeSpan.FromSeconds(30), "stored");
        }

        // The call ended "now" by the provider's clock: sweep until the one-second grace has passed.
        var sweep = (RecordingMissingSweep)s.Host.Services.GetServices<IHostedService>().Single(h => h is RecordingMissingSweep);
        var calls = await Eventually.WaitAsync(
            async () =>
            {
                await sweep.SweepAsync(CancellationToken.None);
                return (await s.Host.Api.GetFromJsonAsync<JsonElement>("/api/calls")).GetProperty("items").EnumerateArray().ToList();
            },
            list => list.Any(c => c.GetProperty("recordingMissing").GetBoolean()),
            TimeSpan.FromSeconds(10),
            "the unrecorded call to be marked");
        Assert.True(calls.Single(c => c.GetProperty("providerCallId").GetString() == unrecorded.Parent.Sid).GetProperty("recordingMissing").GetBoolean());
        Assert.False(calls.Single(c => c.GetProperty("providerCallId").GetString() == recorded.Parent.Sid).GetProperty("recordingMissing").GetBoolean());
        var report = await s.Host.Api.GetFromJsonAsync<JsonElement>("/api/reports/completeness");
        var inbound = report.EnumerateArray().Single(r => r.GetProperty("direction").GetString() == "inbound");
        var outbound = report.EnumerateArray().Single(r => r.GetProperty("direction").GetString() == "outbound-api");
        Assert.Equal(1, inbound.GetProperty("withoutRecording").GetInt32());
        Assert.Equal(1, outbound.GetProperty("withRecording").GetInt32());
    }
}
