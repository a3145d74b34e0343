using System.Net;
using System.Xml.Linq;
using CallVault.Simulator;
using CallVault.Web.Tests.TestSupport;

namespace CallVault.Web.Tests.Voice;

public sealed class TwilioVoiceWebhookTests
{
    private const string PublicBase = "https://callvault.example.com";

    private static async Task<Scenario> StartAsync(string? dialTarget) => await Scenario.StartAsync(new Dictionary<string, string?>
    {
        ["CallVault:PublicBaseUrl"] = PublicBase,
        ["CallVault:Voice:DialTarget"] = dialTarget,
    });

    private static List<KeyValuePair<string, string>> IncomingCall(Scenario s) =>
    [
        new("AccountSid", s.Simulator.AccountSid),
        new("CallSid", "CA" + new string('a', 32)),
        new("CallStatus", "ringing"),
        new("Direction", "inbound"),
        new("From", "+14155550100"),
        new("To", "+14155550199"),
    ];

    /// <summary>Signed for the public URL Twilio would have called, delivered to the test server.</summary>
    private static Task<HttpResponseMessage> SendSignedAsync(Scenario s, IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        var signature = s.Sender.Sign(new Uri(PublicBase + "/webhooks/twilio/voice"), fields);
        return s.Host.Anonymous.SendAsync(s.Sender.CreateSignedRequest(s.Host.Webhook("/webhooks/twilio/voice"), fields, signature));
    }

    [Fact]
    public async Task Voice_Signed_AnswersTwimlThatRecordsBothChannelsFromAnswer()
    {
        await using var s = await StartAsync("client:agent");

        using var response = await SendSignedAsync(s, IncomingCall(s));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<?xml", text, StringComparison.Ordinal);
        var dial = XDocument.Parse(text).Root!.Element("Dial")!;
        Assert.Equal("record-from-answer-dual", (string?)dial.Attribute("record"));
        Assert.Equal(PublicBase + "/webhooks/twilio/recording", (string?)dial.Attribute("recordingStatusCallback"));
        Assert.Equal("in-progress completed absent", (string?)dial.Attribute("recordingStatusCallbackEvent"));
        var client = dial.Element("Client")!;
        Assert.Equal("agent", client.Value);
        Assert.Equal(PublicBase + "/webhooks/twilio/call-status", (string?)client.Attribute("statusCallback"));
        Assert.Equal("initiated ringing answered completed", (string?)client.Attribute("statusCallbackEvent"));
    }

    [Theory]
    [InlineData("+14155550123", "Number", "+14155550123")]
    [InlineData("sip:agent@pbx.example.com;transport=tls&x=1", "Sip", "sip:agent@pbx.example.com;transport=tls&x=1")]
    public async Task Voice_DialTarget_PicksTheNounAndEscapesIt(string target, string noun, string value)
    {
        await using var s = await StartAsync(target);

        using var response = await SendSignedAsync(s, IncomingCall(s));

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("&x", text.Replace("&amp;x", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        var element = XDocument.Parse(text).Root!.Element("Dial")!.Element(noun)!;
        Assert.Equal(value, element.Value);
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("client:")]
    [InlineData("sip:agent@pbx.example.com;x=<y>")]
    [InlineData("4155550123")]
    public async Task Voice_InvalidDialTarget_StopsStartUpNamingTheKey(string target)
    {
        var settings = new Dictionary<string, string?> { ["CallVault:Voice:DialTarget"] = target };

        var error = await Assert.ThrowsAnyAsync<Exception>(() => CallVaultTestHost.StartAsync(null, settings));

        Assert.Contains("CallVault:Voice:DialTarget", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Voice_Unsigned_Answers403()
    {
        await using var s = await StartAsync("client:agent");

        using var response = await s.Host.Anonymous.PostAsync("/webhooks/twilio/voice", new FormUrlEncodedContent(IncomingCall(s)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Voice_SignedForAnotherUrl_Answers403()
    {
        await using var s = await StartAsync("client:agent");
        var fields = IncomingCall(s);
        var signature = s.Sender.Sign(new Uri("https://elsewhere.example.com/webhooks/twilio/voice"), fields);

        using var response = await s.Host.Anonymous.SendAsync(s.Sender.CreateSignedRequest(s.Host.Webhook("/webhooks/twilio/voice"), fields, signature));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Voice_TargetNotConfigured_Answers503()
    {
        await using var s = await StartAsync(null);

        using var response = await SendSignedAsync(s, IncomingCall(s));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
