using System.Globalization;
using CallVault.Web.Tests.TestSupport;
using static CallVault.Web.Tests.Hostile.HostileRequests;

namespace CallVault.Web.Tests.Hostile;

/// <summary>
/// Correctly signed Twilio callbacks full of garbage, and a well-formed signed callback whose media is on a
/// foreign host: no 5xx, nothing fetched from the foreign host, nothing stored.
/// </summary>
public sealed class SignedGarbageTests(HostileHost server) : IClassFixture<HostileHost>
{
    private const int PerWebhook = 150;

    [Fact]
    public async Task SignedGarbageAndForeignMedia_NoServerErrorNothingFetchedNothingStored()
    {
        await using var foreign = await WavFileServer.StartAsync();
        var simulator = server.Scenario.Simulator;
        var foreignSid = "RE" + new string('e', 32);

        var results = await server.SendAsync(
            SignedGarbage(server.Host.BaseUrl, simulator.AuthToken, simulator.AccountSid)
                .Append(SignedForeignMedia(server.Host.BaseUrl, simulator.AuthToken, simulator.AccountSid, foreignSid, foreign.BaseUrl)));

        await server.AssertNoServerErrorAndStillUpAsync(results);
        Assert.Equal((TwilioWebhooks.Length * PerWebhook) + 1, results.Count);
        var failed = await RecordingJson.WaitForStatusAsync(server.Host.Api, foreignSid, TimeSpan.FromSeconds(30), "failed");
        Assert.Contains("not the configured Twilio API host", failed.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(0, foreign.Requests);
        Assert.Empty(server.Host.StoredFiles());
    }

    private static IEnumerable<Func<HttpRequestMessage>> SignedGarbage(Uri baseUrl, string authToken, string accountSid)
    {
        var random = new Random(7);
        foreach (var path in TwilioWebhooks)
        {
            for (var i = 0; i < PerWebhook; i++)
            {
                var fields = TwilioFields
                    .Where(_ => random.Next(3) > 0)
                    .Select(f => new KeyValuePair<string, string>(f, Garbage(random, f, accountSid)))
                    .ToList();
                yield return () => SignedForm(baseUrl, path, authToken, fields);
            }
        }
    }

    /// <summary>Mostly hostile, sometimes the right shape (so deeper code runs), sometimes a real-looking SID.</summary>
    private static string Garbage(Random random, string field, string accountSid) => random.Next(4) switch
    {
        0 => HostileStrings.All[random.Next(HostileStrings.All.Length)],
        1 when field == "AccountSid" => accountSid,
        1 when field.EndsWith("Sid", StringComparison.Ordinal) => field[..2].ToUpperInvariant() + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()),
        1 when field == "RecordingStatus" => new[] { "completed", "absent", "failed", "in-progress", "weird" }[random.Next(5)],
        2 => random.Next(-5, 100000).ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToBase64String(Guid.NewGuid().ToByteArray()),
    };

    private static Func<HttpRequestMessage> SignedForeignMedia(Uri baseUrl, string authToken, string accountSid, string recordingSid, Uri foreign)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("AccountSid", accountSid),
            new("CallSid", "CA" + new string('e', 32)),
            new("RecordingSid", recordingSid),
            new("RecordingUrl", new Uri(foreign, $"/2010-04-01/Accounts/{accountSid}/Recordings/{recordingSid}").AbsoluteUri),
            new("RecordingStatus", "completed"),
            new("RecordingDuration", "3"),
            new("RecordingChannels", "1"),
        };
        return () => SignedForm(baseUrl, "/webhooks/twilio/recording", authToken, fields);
    }
}
