using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallVault.Simulator;
using CallVault.Web.Tests.Auth;
using CallVault.Web.Tests.TestSupport;
using Microsoft.Extensions.Logging;

namespace CallVault.Web.Tests.Hardening;

public sealed class LogSecretsTests
{
    [Fact]
    public async Task FullRun_WithKnownSecrets_NoLogLineContainsThem()
    {
        var logs = new CapturedLogs();
        await using var simulator = await TwilioSimulator.StartAsync(new SimulatorOptions(), CancellationToken.None);
        var settings = VapiRequests.Settings("secret-header");
        settings["Logging:LogLevel:Default"] = "Information";
        await using var host = await CallVaultTestHost.StartAsync(simulator, settings, mapExtra: SignInEndpoint.Map, configure: b => b.Logging.AddProvider(logs));
        var sender = new TwilioCallbackSender(new HttpClient(), simulator.AuthToken);
        var secrets = new List<string> { simulator.AuthToken, CallVaultTestHost.AdminKey, VapiRequests.Secret, TestUsers.Password };

        // Calls with numbers, a recording through the whole pipeline, the leads view by number.
        var call = simulator.CreateCall(new CallSpec { From = "+14155550123", To = "+14155550987", DurationSeconds = 5, WithChildLeg = true });
        secrets.AddRange([call.Parent.From, call.Parent.To]);
        using (await sender.SendCallStatusAsync(new Uri(host.BaseUrl, "/webhooks/twilio/call-status"), call.Parent, "completed", 1, CancellationToken.None))
        {
        }

        var recording = simulator.AddRecording(new RecordingSpec { CallSid = call.Child!.Sid, DurationSeconds = 3, Channels = 2 });
        using (await sender.SendRecordingStatusAsync(new Uri(host.BaseUrl, "/webhooks/twilio/recording"), recording, "completed", simulator.AccountSid, CancellationToken.None))
        {
        }

        var stored = await RecordingJson.WaitForStatusAsync(host.Api, recording.Sid, TimeSpan.FromSeconds(30), "stored");
        using var leads = await host.Api.GetAsync($"/api/phones/{Uri.EscapeDataString(call.Parent.From)}/calls");

        // Playback: a signed URL, used, and tampered with.
        var playback = await host.Api.GetFromJsonAsync<JsonElement>($"/api/recordings/{stored.GetProperty("id").GetString()}/playback");
        var url = new Uri(playback.GetProperty("url").GetString()!);
        secrets.Add(url.Segments[^1]);
        using var played = await host.Anonymous.GetAsync(url.PathAndQuery);
        using var tampered = await host.Anonymous.GetAsync(url.PathAndQuery[..^3] + "xyz");

        // Keys: issued, used, revoked, used again; a bogus key.
        var key = await ApiKeyTests.CreateKeyAsync(host.Api, "log-scan", "viewer");
        secrets.Add(key);
        using var client = ApiKeyTests.Client(host, key);
        using var used = await client.GetAsync("/api/calls");
        using var revoke = await host.Api.DeleteAsync("/api/keys/log-scan");
        using var refused = await client.GetAsync("/api/calls");

        // Users: right and wrong passwords (the wrong one typed into the name field, as people do).
        await host.CreateUserAsync("log-user", "admin");
        using var browser = SignInEndpoint.Browser(host);
        await SignInEndpoint.SignInAsync(browser, TestUsers.Password, "x");
        await SignInEndpoint.SignInAsync(browser, "log-user");

        // Refused webhooks: unsigned Twilio, Vapi with the secret one character off.
        using var unsigned = await host.Anonymous.PostAsync("/webhooks/twilio/recording", new FormUrlEncodedContent([new("From", call.Parent.From)]));
        using var vapi = await host.Anonymous.SendAsync(VapiRequests.Create(host.BaseUrl, "{\"message\":{\"type\":\"status-update\"}}", "secret-header", VapiRequests.Secret + "!"));

        Assert.Equal(HttpStatusCode.OK, leads.StatusCode);
        Assert.Equal(HttpStatusCode.OK, played.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        var lines = logs.Lines;
        Assert.Contains(lines, l => l.Level == LogLevel.Information && l.Text.Contains(" stored (", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Level >= LogLevel.Warning && l.Category.Contains("DashboardSignIn", StringComparison.Ordinal));
        var leaks = (from line in lines
                     from secret in secrets.Where(x => x.Length >= 8)
                     where line.Text.Contains(secret, StringComparison.Ordinal)
                     select $"{line.Level} {line.Category}: contains '{secret[..4]}…' in: {line.Text[..Math.Min(300, line.Text.Length)]}").ToList();
        Assert.True(leaks.Count == 0, string.Join('\n', leaks));
    }
}
