using System.Net;
using CallVault.Simulator;
using CallVault.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Web.Tests.Webhooks;

/// <summary>Which call a Vapi report lands on: the Twilio call it ran on, or a new Vapi call.</summary>
public sealed class VapiCallJoinTests
{
    private const string Mode = "bearer";

    private static async Task SendAsync(CallVaultTestHost host, string json)
    {
        using var response = await host.Anonymous.SendAsync(VapiRequests.Create(host.BaseUrl, json, Mode));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task EndOfCallReport_NoKnownTwilioCall_CreatesVapiCallWithE164Numbers()
    {
        // Arrange
        await using var host = await CallVaultTestHost.StartAsync(null, VapiRequests.Settings(Mode));

        // Act
        await SendAsync(host, VapiRequests.Report("call-new", phoneCallProviderId: "CA0123456789abcdef0123456789abcdef"));

        // Assert
        var recording = (await RecordingJson.FindByProviderIdAsync(host.Api, "call-new"))!.Value;
        Assert.Equal("created", recording.GetProperty("match").GetProperty("method").GetString());
        var call = await host.QueryAsync(db => db.Calls.Include(c => c.Legs).SingleAsync());
        Assert.Equal(recording.GetProperty("callId").GetGuid(), call.Id);
        Assert.Equal("vapi", call.Provider);
        Assert.Equal("call-new", call.ProviderCallId);
        Assert.Equal("inbound", call.Direction);
        Assert.Equal("+14155550123", call.From);
        Assert.Equal("+18885550100", call.To);
        Assert.Equal(new DateTime(2025, 5, 1, 14, 8, 21, 4, DateTimeKind.Utc), call.StartedAt);
        Assert.Equal(43, call.DurationSeconds);
        // The Twilio leg it ran on is indexed too, so later Twilio callbacks for it join this call.
        Assert.Equal(
            new[] { "CA0123456789abcdef0123456789abcdef", "call-new" },
            call.Legs.Select(l => l.ProviderCallId).Order(StringComparer.Ordinal));
        Assert.Equal("twilio", call.Legs.Single(l => l.ProviderCallId.StartsWith("CA", StringComparison.Ordinal)).Provider);
    }

    [Fact]
    public async Task EndOfCallReport_PhoneCallProviderIdIsKnownTwilioLeg_JoinsThatCall()
    {
        // Arrange: the Twilio call is known from a signed call-status callback.
        await using var s = await Scenario.StartAsync(VapiRequests.Settings(Mode));
        var twilioCall = s.Simulator.CreateCall(new CallSpec { DurationSeconds = 40 });
        using (var status = await s.Sender.SendCallStatusAsync(s.CallStatusWebhook, twilioCall.Parent, "completed", 3, CancellationToken.None))
        {
            Assert.True(status.IsSuccessStatusCode);
        }

        // Act
        await SendAsync(s.Host, VapiRequests.Report("call-joined", phoneCallProviderId: twilioCall.Parent.Sid));

        // Assert
        var known = await s.Host.QueryAsync(db => db.Calls.SingleAsync());
        Assert.Equal(twilioCall.Parent.Sid, known.ProviderCallId);
        var recording = (await RecordingJson.FindByProviderIdAsync(s.Host.Api, "call-joined"))!.Value;
        Assert.Equal(known.Id, recording.GetProperty("callId").GetGuid());
        var match = recording.GetProperty("match");
        Assert.Equal("callSid", match.GetProperty("method").GetString());
        Assert.Contains("Vapi call call-joined", match.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(twilioCall.Parent.Sid, match.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
