using System.Net;
using System.Text;
using CallVault.Simulator;
using CallVault.Web.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Web.Tests.Webhooks;

public sealed class TwilioRecordingWebhookTests
{
    private static Task<int> CountRowsAsync(Scenario s) => s.Host.QueryAsync(async db =>
        await db.Recordings.CountAsync() + await db.InboundEvents.CountAsync() + await db.Jobs.CountAsync() + await db.Calls.CountAsync());

    [Fact]
    public async Task RecordingCallback_ForgedSignature_Returns403AndStoresNothing()
    {
        await using var s = await Scenario.StartAsync();
        var recording = s.NewRecording();
        var fields = TwilioCallbackSender.RecordingStatusFields(recording, "completed", s.Simulator.AccountSid);
        var genuine = s.Sender.Sign(s.RecordingWebhook, fields);
        var forged = (genuine[0] == 'A' ? "B" : "A") + genuine[1..];

        using var response = await new HttpClient().SendAsync(s.Sender.CreateSignedRequest(s.RecordingWebhook, fields, forged));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await CountRowsAsync(s));
    }

    [Fact]
    public async Task RecordingCallback_Unsigned_Returns403AndStoresNothing()
    {
        await using var s = await Scenario.StartAsync();
        var recording = s.NewRecording();
        var fields = TwilioCallbackSender.RecordingStatusFields(recording, "completed", s.Simulator.AccountSid);

        using var response = await s.Host.Anonymous.PostAsync("/webhooks/twilio/recording", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await CountRowsAsync(s));
    }

    [Fact]
    public async Task RecordingCallback_SignedWithAnotherToken_Returns403()
    {
        await using var s = await Scenario.StartAsync();
        var recording = s.NewRecording();
        var impostor = new TwilioCallbackSender(new HttpClient(), "not-the-auth-token");

        using var response = await impostor.SendRecordingStatusAsync(s.RecordingWebhook, recording, "completed", s.Simulator.AccountSid, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await CountRowsAsync(s));
    }

    [Fact]
    public async Task RecordingCallback_DeliveredTwice_CreatesOneRecordingAndAnswers2xxBothTimes()
    {
        await using var s = await Scenario.StartAsync();
        var recording = s.NewRecording();

        using var first = await s.SendCompletedAsync(recording);
        using var second = await s.SendCompletedAsync(recording);

        Assert.True(first.IsSuccessStatusCode);
        Assert.True(second.IsSuccessStatusCode);
        await RecordingJson.WaitForStatusAsync(s.Host.Api, recording.Sid, TimeSpan.FromSeconds(30), "stored");
        Assert.Equal(1, await s.Host.QueryAsync(db => db.Recordings.CountAsync()));
        Assert.Equal(1, await s.Host.QueryAsync(db => db.InboundEvents.CountAsync()));
        Assert.Single(s.Host.StoredFiles());
    }

    [Theory]
    [InlineData("RecordingSid")]
    [InlineData("CallSid")]
    [InlineData("AccountSid")]
    [InlineData("RecordingStatus")]
    public async Task RecordingCallback_MissingRequiredField_Returns400(string field)
    {
        await using var s = await Scenario.StartAsync();
        var recording = s.NewRecording();
        var fields = TwilioCallbackSender.RecordingStatusFields(recording, "completed", s.Simulator.AccountSid)
            .Where(f => f.Key != field).ToList();

        using var response = await s.Sender.SendSignedFormAsync(s.RecordingWebhook, fields, CancellationToken.None);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await CountRowsAsync(s));
    }

    [Theory]
    [InlineData("RecordingSid", "RE123")]
    [InlineData("RecordingSid", "CA0123456789abcdef0123456789abcdef")]
    [InlineData("CallSid", "CAzz23456789abcdef0123456789abcdef")]
    [InlineData("RecordingDuration", "-4")]
    [InlineData("RecordingChannels", "7")]
    [InlineData("RecordingUrl", "not a url")]
    public async Task RecordingCallback_MalformedField_Returns400(string field, string value)
    {
        await using var s = await Scenario.StartAsync();
        var recording = s.NewRecording();
        var fields = TwilioCallbackSender.RecordingStatusFields(recording, "completed", s.Simulator.AccountSid)
            .Select(f => f.Key == field ? new KeyValuePair<string, string>(field, value) : f).ToList();

        using var response = await s.Sender.SendSignedFormAsync(s.RecordingWebhook, fields, CancellationToken.None);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await CountRowsAsync(s));
    }

    [Fact]
    public async Task RecordingCallback_OversizeBody_Returns413()
    {
        await using var s = await Scenario.StartAsync();
        var recording = s.NewRecording();
        var fields = TwilioCallbackSender.RecordingStatusFields(recording, "completed", s.Simulator.AccountSid).ToList();
        fields.Add(new("Padding", new string('x', 200_000)));

        using var response = await s.Sender.SendSignedFormAsync(s.RecordingWebhook, fields, CancellationToken.None);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await CountRowsAsync(s));
    }

    [Theory]
    [InlineData("application/json", "{\"RecordingSid\":\"RE1\"}")]
    [InlineData("text/plain", "hello")]
    public async Task RecordingCallback_WrongContentType_Returns400(string contentType, string body)
    {
        await using var s = await Scenario.StartAsync();

        using var response = await s.Host.Anonymous.PostAsync("/webhooks/twilio/recording", new StringContent(body, Encoding.UTF8, contentType));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task RecordingCallback_OtherAccount_Returns403()
    {
        await using var s = await Scenario.StartAsync();
        var recording = s.NewRecording();
        var fields = TwilioCallbackSender.RecordingStatusFields(recording, "completed", "AC" + new string('1', 32));

        using var response = await s.Sender.SendSignedFormAsync(s.RecordingWebhook, fields, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await CountRowsAsync(s));
    }

    [Fact]
    public async Task RecordingCallback_TwilioNotConfigured_Returns503()
    {
        await using var host = await CallVaultTestHost.StartAsync(simulator: null);

        using var response = await host.Anonymous.PostAsync("/webhooks/twilio/recording",
            new FormUrlEncodedContent([new("RecordingSid", "RE" + new string('a', 32))]));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    [Trait("Database", "sqlite")] // SQLite's file lock and busy timeout; PostgreSQL has neither.
    public async Task RecordingCallback_DatabaseCannotCommit_Returns503ThenAcceptsTheRetry()
    {
        await using var s = await Scenario.StartAsync(new Dictionary<string, string?> { ["CallVault:Database:BusyTimeoutSeconds"] = "1" });
        var recording = s.NewRecording();
        var dbPath = Path.Combine(s.Host.DataDirectory, "callvault.db");

        HttpResponseMessage whileLocked;
        await using (var locker = new SqliteConnection($"Data Source={dbPath};Pooling=False"))
        {
            await locker.OpenAsync();
            await using var exclusive = locker.CreateCommand();
            exclusive.CommandText = "BEGIN EXCLUSIVE;";
            await exclusive.ExecuteNonQueryAsync();
            whileLocked = await s.SendCompletedAsync(recording);
        }

        using var retried = await s.SendCompletedAsync(recording);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, whileLocked.StatusCode);
        Assert.True(retried.IsSuccessStatusCode, $"retry answered {retried.StatusCode}");
        var stored = await RecordingJson.WaitForStatusAsync(s.Host.Api, recording.Sid, TimeSpan.FromSeconds(30), "stored");
        Assert.Equal(await recording.ComputeSha256Async(CancellationToken.None), stored.GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task RecordingCallback_BehindProxy_ValidatesAgainstPublicBaseUrl()
    {
        await using var s = await Scenario.StartAsync(new Dictionary<string, string?> { ["CallVault:PublicBaseUrl"] = "https://vault.example.com" });
        var recording = s.NewRecording();
        var fields = TwilioCallbackSender.RecordingStatusFields(recording, "completed", s.Simulator.AccountSid);
        var publicSignature = s.Sender.Sign(new Uri("https://vault.example.com/webhooks/twilio/recording"), fields);

        using var signedForPublic = await new HttpClient().SendAsync(s.Sender.CreateSignedRequest(s.RecordingWebhook, fields, publicSignature));
        using var signedForInternal = await s.Sender.SendSignedFormAsync(s.RecordingWebhook, fields, CancellationToken.None);

        Assert.True(signedForPublic.IsSuccessStatusCode, $"answered {signedForPublic.StatusCode}");
        Assert.Equal(HttpStatusCode.Forbidden, signedForInternal.StatusCode);
    }

    [Theory]
    [InlineData("absent", "absent")]
    [InlineData("failed", "failed")]
    [InlineData("in-progress", "awaiting")]
    [InlineData("paused-by-a-future-feature", "awaiting")]
    public async Task RecordingCallback_NonCompletedStatus_IsKeptAndShown(string providerStatus, string expected)
    {
        await using var s = await Scenario.StartAsync();
        var recording = s.NewRecording();

        using var response = await s.Sender.SendRecordingStatusAsync(s.RecordingWebhook, recording, providerStatus, s.Simulator.AccountSid, CancellationToken.None);

        Assert.True(response.IsSuccessStatusCode);
        var shown = await RecordingJson.FindByProviderIdAsync(s.Host.Api, recording.Sid);
        Assert.NotNull(shown);
        Assert.Equal(expected, shown.Value.Status());
        Assert.Equal(providerStatus, shown.Value.GetProperty("providerStatus").GetString());
        Assert.Empty(s.Host.StoredFiles());
    }
}
