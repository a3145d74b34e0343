using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallVault.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Web.Tests.Webhooks;

/// <summary>Every auth mode through real HTTP: accepted, wrong (403), missing (401), stale (401), not configured (503).</summary>
public sealed class VapiWebhookAuthTests
{
    public static TheoryData<string> Modes => ["bearer", "hmac", "secret-header"];

    internal static Task<int> CountRowsAsync(CallVaultTestHost host) => host.QueryAsync(async db =>
        await db.Recordings.CountAsync() + await db.InboundEvents.CountAsync() + await db.Jobs.CountAsync() + await db.Calls.CountAsync());

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task EndOfCallReport_CorrectCredential_Returns204AndRecordingIsListed(string mode)
    {
        // Arrange
        await using var host = await CallVaultTestHost.StartAsync(null, VapiRequests.Settings(mode));
        var callId = $"call-{mode}-ok";

        // Act
        using var response = await host.Anonymous.SendAsync(VapiRequests.Create(host.BaseUrl, VapiRequests.Report(callId), mode));

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var page = await host.Api.GetFromJsonAsync<JsonElement>("/api/recordings?provider=vapi");
        var recording = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(callId, recording.GetProperty("providerRecordingId").GetString());
        Assert.Equal("vapi", recording.GetProperty("provider").GetString());
        Assert.Equal("absent", recording.Status());
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task EndOfCallReport_WrongSecret_Returns403AndStoresNothing(string mode)
    {
        // Arrange
        await using var host = await CallVaultTestHost.StartAsync(null, VapiRequests.Settings(mode));

        // Act
        using var response = await host.Anonymous.SendAsync(
            VapiRequests.Create(host.BaseUrl, VapiRequests.Report("call-wrong"), mode, secret: "not-the-secret"));

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await CountRowsAsync(host));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task EndOfCallReport_NoCredential_Returns401AndStoresNothing(string mode)
    {
        // Arrange
        await using var host = await CallVaultTestHost.StartAsync(null, VapiRequests.Settings(mode));

        // Act
        using var response = await host.Anonymous.SendAsync(VapiRequests.Create(host.BaseUrl, VapiRequests.Report("call-anon"), mode: "none"));

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await CountRowsAsync(host));
    }

    [Theory]
    [InlineData(-600)]
    [InlineData(600)]
    public async Task EndOfCallReport_HmacTimestampOutsideWindow_Returns401AndStoresNothing(int offsetSeconds)
    {
        // Arrange
        await using var host = await CallVaultTestHost.StartAsync(null, VapiRequests.Settings("hmac"));
        var signedAt = DateTimeOffset.UtcNow.AddSeconds(offsetSeconds);

        // Act: correctly signed, but long ago (a replay) or far ahead.
        using var response = await host.Anonymous.SendAsync(VapiRequests.Create(host.BaseUrl, VapiRequests.Report("call-stale"), "hmac", signedAt: signedAt));

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await CountRowsAsync(host));
    }

    [Fact]
    public async Task EndOfCallReport_HmacSignatureOverOtherBody_Returns403()
    {
        // Arrange
        await using var host = await CallVaultTestHost.StartAsync(null, VapiRequests.Settings("hmac"));
        var request = VapiRequests.Create(host.BaseUrl, VapiRequests.Report("call-a"), "hmac");
        request.Content = new StringContent(VapiRequests.Report("call-b"), System.Text.Encoding.UTF8, "application/json");

        // Act
        using var response = await host.Anonymous.SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await CountRowsAsync(host));
    }

    [Theory]
    [InlineData("bearer")]
    [InlineData("hmac")]
    public async Task EndOfCallReport_LegacySecretHeaderInAnotherMode_Returns401(string mode)
    {
        // Arrange: the static secret must not stand in for a configured bearer token or HMAC.
        await using var host = await CallVaultTestHost.StartAsync(null, VapiRequests.Settings(mode));

        // Act
        using var response = await host.Anonymous.SendAsync(VapiRequests.Create(host.BaseUrl, VapiRequests.Report("call-legacy"), "secret-header"));

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await CountRowsAsync(host));
    }

    [Fact]
    public async Task EndOfCallReport_BearerInCustomHeader_Accepted()
    {
        // Arrange
        var settings = VapiRequests.Settings("bearer");
        settings["CallVault:Vapi:HeaderName"] = "X-CallVault-Token";
        await using var host = await CallVaultTestHost.StartAsync(null, settings);
        var request = VapiRequests.Create(host.BaseUrl, VapiRequests.Report("call-custom"), "none");
        request.Headers.Add("X-CallVault-Token", VapiRequests.Secret);

        // Act
        using var response = await host.Anonymous.SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(1, await host.QueryAsync(db => db.Recordings.CountAsync()));
    }

    [Fact]
    public async Task EndOfCallReport_VapiNotConfigured_Returns503WithMessage()
    {
        // Arrange
        await using var host = await CallVaultTestHost.StartAsync(null);

        // Act
        using var response = await host.Anonymous.SendAsync(VapiRequests.Create(host.BaseUrl, VapiRequests.Report("call-x"), "bearer"));

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("CallVault:Vapi:AuthMode", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await CountRowsAsync(host));
    }

    [Theory]
    [InlineData("CallVault:Vapi:AuthMode", "bearer", "CallVault:Vapi:Secret")]
    [InlineData("CallVault:Vapi:Secret", "s3cret", "CallVault:Vapi:AuthMode")]
    [InlineData("CallVault:Vapi:AuthMode", "basic", "CallVault:Vapi:AuthMode")]
    [InlineData("CallVault:Vapi:AllowedMediaHosts:0", "https://storage.vapi.ai/x", "CallVault:Vapi:AllowedMediaHosts")]
    public async Task Startup_InvalidVapiOptions_FailsNamingTheKey(string key, string value, string named)
    {
        // Act
        var error = await Record.ExceptionAsync(async () =>
        {
            await using var host = await CallVaultTestHost.StartAsync(null, new Dictionary<string, string?> { [key] = value });
        });

        // Assert
        Assert.NotNull(error);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
