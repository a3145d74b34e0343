using System.Net;
using System.Text;
using CallVault.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Web.Tests.Webhooks;

/// <summary>Malformed, oversize, repeated and uninteresting Vapi messages: never 500, nothing half-written.</summary>
public sealed class VapiWebhookRequestTests
{
    private const string Mode = "bearer";

    [Fact]
    public async Task ServerMessage_OverMaxBodyBytes_Returns413AndStoresNothing()
    {
        // Arrange
        var settings = VapiRequests.Settings(Mode);
        settings["CallVault:Vapi:MaxBodyBytes"] = "4096";
        await using var host = await CallVaultTestHost.StartAsync(null, settings);
        var json = VapiRequests.Report("call-big", transcript: new string('x', 8000));

        // Act
        using var response = await host.Anonymous.SendAsync(VapiRequests.Create(host.BaseUrl, json, Mode));

        // Assert
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await VapiWebhookAuthTests.CountRowsAsync(host));
    }

    [Fact]
    public async Task ServerMessage_OversizeChunkedBody_Returns413()
    {
        // Arrange: no Content-Length, so the bounded read has to notice.
        var settings = VapiRequests.Settings(Mode);
        settings["CallVault:Vapi:MaxBodyBytes"] = "4096";
        await using var host = await CallVaultTestHost.StartAsync(null, settings);
        var request = VapiRequests.Create(host.BaseUrl, "{}", Mode);
        request.Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(VapiRequests.Report("c", transcript: new string('y', 20_000)))));
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TransferEncodingChunked = true;

        // Act
        using var response = await host.Anonymous.SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await VapiWebhookAuthTests.CountRowsAsync(host));
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"message\": {\"type\": \"end-of-call-report\", ")]
    [InlineData("{\"msg\": {}}")]
    [InlineData("{\"message\": {\"type\": \"end-of-call-report\", \"call\": {}}}")]
    [InlineData("")]
    public async Task ServerMessage_MalformedJson_Returns400AndStoresNothing(string json)
    {
        // Arrange
        await using var host = await CallVaultTestHost.StartAsync(null, VapiRequests.Settings(Mode));

        // Act
        using var response = await host.Anonymous.SendAsync(VapiRequests.Create(host.BaseUrl, json, Mode));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await VapiWebhookAuthTests.CountRowsAsync(host));
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("text/plain")]
    public async Task ServerMessage_WrongContentType_Returns400(string contentType)
    {
        // Arrange
        await using var host = await CallVaultTestHost.StartAsync(null, VapiRequests.Settings(Mode));
        var request = VapiRequests.Create(host.BaseUrl, "{}", Mode);
        request.Content = new StringContent(VapiRequests.Report("call-ct"), Encoding.UTF8, contentType);

        // Act
        using var response = await host.Anonymous.SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await VapiWebhookAuthTests.CountRowsAsync(host));
    }

    [Theory]
    [InlineData("status-update")]
    [InlineData("transcript")]
    [InlineData("some-type-vapi-adds-later")]
    public async Task ServerMessage_OtherType_Returns204AndStoresNothing(string type)
    {
        // Arrange
        await using var host = await CallVaultTestHost.StartAsync(null, VapiRequests.Settings(Mode));
        var json = $$$"""{"message":{"type":"{{{type}}}","call":{"id":"call-live"},"status":"in-progress"}}""";

        // Act
        using var response = await host.Anonymous.SendAsync(VapiRequests.Create(host.BaseUrl, json, Mode));

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(0, await VapiWebhookAuthTests.CountRowsAsync(host));
    }

    [Fact]
    public async Task EndOfCallReport_DeliveredTwice_OneRecordingOneEventBoth2xx()
    {
        // Arrange
        await using var host = await CallVaultTestHost.StartAsync(null, VapiRequests.Settings(Mode));
        var json = VapiRequests.Report("call-twice");

        // Act
        using var first = await host.Anonymous.SendAsync(VapiRequests.Create(host.BaseUrl, json, Mode));
        using var second = await host.Anonymous.SendAsync(VapiRequests.Create(host.BaseUrl, json, Mode));

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
        Assert.Equal(1, await host.QueryAsync(db => db.Recordings.CountAsync()));
        Assert.Equal(1, await host.QueryAsync(db => db.InboundEvents.CountAsync(e => e.DedupeKey == "vapi:end-of-call-report:call-twice")));
        Assert.Equal(1, await host.QueryAsync(db => db.Calls.CountAsync()));
    }

    [Fact]
    public async Task EndOfCallReport_ConcurrentDuplicates_OneRecording()
    {
        // Arrange
        await using var host = await CallVaultTestHost.StartAsync(null, VapiRequests.Settings(Mode));
        var json = VapiRequests.Report("call-burst");

        // Act
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => host.Anonymous.SendAsync(VapiRequests.Create(host.BaseUrl, json, Mode))));

        // Assert
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        Assert.Equal(1, await host.QueryAsync(db => db.Recordings.CountAsync()));
        Assert.Equal(1, await host.QueryAsync(db => db.InboundEvents.CountAsync()));
        foreach (var r in responses)
        {
            r.Dispose();
        }
    }
}
