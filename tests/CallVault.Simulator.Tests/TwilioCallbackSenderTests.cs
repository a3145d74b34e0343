using CallVault.Core.Twilio;
using CallVault.Simulator.Tests.TestSupport;

namespace CallVault.Simulator.Tests;

public sealed class TwilioCallbackSenderTests
{
    [Fact]
    public async Task SendRecordingStatusAsync_Completed_SignatureVerifiesAndFieldsMatchTwilio()
    {
        await using var h = await SimulatorHarness.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        using var http = new HttpClient();
        var sender = new TwilioCallbackSender(http, h.Simulator.AuthToken);
        var start = new DateTimeOffset(2026, 2, 1, 8, 0, 0, TimeSpan.Zero);
        var recording = h.Simulator.AddRecording(new RecordingSpec { CallSid = "CA" + new string('f', 32), Channels = 2, DurationSeconds = 61.6, StartTime = start });
        var url = new Uri(receiver.BaseUrl, "/webhooks/twilio/recording?tenant=a%20b&x=1");

        using var response = await sender.SendRecordingStatusAsync(url, recording, "completed", h.Simulator.AccountSid, h.Token);

        Assert.True(response.IsSuccessStatusCode);
        var hook = Assert.Single(receiver.Received);
        Assert.True(TwilioSignature.IsValid(h.Simulator.AuthToken, hook.Url, hook.Fields, hook.Signature), $"signature over {hook.Url}");
        Assert.False(TwilioSignature.IsValid("other-token", hook.Url, hook.Fields, hook.Signature));
        Assert.Equal(h.Simulator.AccountSid, hook.Field("AccountSid"));
        Assert.Equal(recording.CallSid, hook.Field("CallSid"));
        Assert.Equal(recording.Sid, hook.Field("RecordingSid"));
        Assert.Equal($"{h.Simulator.BaseUrl.AbsoluteUri.TrimEnd('/')}/2010-04-01/Accounts/{h.Simulator.AccountSid}/Recordings/{recording.Sid}", hook.Field("RecordingUrl"));
        Assert.Equal("completed", hook.Field("RecordingStatus"));
        Assert.Equal("62", hook.Field("RecordingDuration"));
        Assert.Equal("2", hook.Field("RecordingChannels"));
        Assert.Equal("Sun, 01 Feb 2026 08:00:00 +0000", hook.Field("RecordingStartTime"));
        Assert.Equal("DialVerb", hook.Field("RecordingSource"));
        Assert.Equal("both", hook.Field("RecordingTrack"));
        Assert.Equal("0", hook.Field("ErrorCode"));
        Assert.Equal(11, hook.Fields.Count);
    }

    [Fact]
    public async Task SendRecordingStatusAsync_InProgress_OmitsDuration()
    {
        await using var h = await SimulatorHarness.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        using var http = new HttpClient();
        var sender = new TwilioCallbackSender(http, h.Simulator.AuthToken);
        var recording = h.Simulator.AddRecording(new RecordingSpec { CallSid = "CA" + new string('f', 32) });

        using var response = await sender.SendRecordingStatusAsync(new Uri(receiver.BaseUrl, "/r"), recording, "in-progress", h.Simulator.AccountSid, h.Token);

        var hook = Assert.Single(receiver.Received);
        Assert.Null(hook.Field("RecordingDuration"));
        Assert.True(TwilioSignature.IsValid(h.Simulator.AuthToken, hook.Url, hook.Fields, hook.Signature));
    }

    [Fact]
    public async Task SendCallStatusAsync_ChildLegCompleted_HasParentAndDurationAndValidSignature()
    {
        await using var h = await SimulatorHarness.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        using var http = new HttpClient();
        var sender = new TwilioCallbackSender(http, h.Simulator.AuthToken);
        var call = h.Simulator.CreateCall(new CallSpec { WithChildLeg = true, DurationSeconds = 30 });

        using var ringing = await sender.SendCallStatusAsync(new Uri(receiver.BaseUrl, "/call-status"), call.Parent, "ringing", 0, h.Token);
        using var completed = await sender.SendCallStatusAsync(new Uri(receiver.BaseUrl, "/call-status"), call.Child!, "completed", 3, h.Token);

        var hooks = receiver.Received.ToArray();
        Assert.Equal(2, hooks.Length);
        Assert.All(hooks, hook => Assert.True(TwilioSignature.IsValid(h.Simulator.AuthToken, hook.Url, hook.Fields, hook.Signature)));
        Assert.Null(hooks[0].Field("ParentCallSid"));
        Assert.Null(hooks[0].Field("CallDuration"));
        Assert.Equal(call.Parent.Sid, hooks[1].Field("ParentCallSid"));
        Assert.Equal("30", hooks[1].Field("CallDuration"));
        Assert.Equal("outbound-dial", hooks[1].Field("Direction"));
        Assert.Equal("3", hooks[1].Field("SequenceNumber"));
        Assert.Equal("2010-04-01", hooks[1].Field("ApiVersion"));
        Assert.Equal("call-progress-events", hooks[1].Field("CallbackSource"));
        Assert.EndsWith("+0000", hooks[1].Field("Timestamp"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendSignedFormAsync_SignatureOverride_FailsValidation()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var http = new HttpClient();
        var sender = new TwilioCallbackSender(http, "12345");
        KeyValuePair<string, string>[] fields = [new("Digits", "1234")];
        var tampered = sender.Sign(new Uri(receiver.BaseUrl, "/x"), fields).Replace('A', 'B').Replace('a', 'b') + "x";

        using var response = await sender.SendSignedFormAsync(new Uri(receiver.BaseUrl, "/x"), fields, tampered, CancellationToken.None);

        var hook = Assert.Single(receiver.Received);
        Assert.Equal(tampered, hook.Signature);
        Assert.False(TwilioSignature.IsValid("12345", hook.Url, hook.Fields, hook.Signature));
    }

    [Fact]
    public void Sign_TwilioTestVector_Matches()
    {
        using var http = new HttpClient();
        var sender = new TwilioCallbackSender(http, "12345");
        KeyValuePair<string, string>[] fields =
        [
            new("CallSid", "CA1234567890ABCDE"), new("Caller", "+14158675309"), new("Digits", "1234"),
            new("From", "+14158675309"), new("To", "+18005551212"),
        ];

        Assert.Equal("RSOYDt4T1cUTdK1PDd93/VVr8B8=", sender.Sign(new Uri("https://mycompany.com/myapp.php?foo=1&bar=2"), fields));
    }
}
