using System.Text;
using CallVault.Core.Twilio;
using CallVault.Web.Tests.TestSupport;
using static CallVault.Web.Tests.Hostile.HostileRequests;

namespace CallVault.Web.Tests.Hostile;

/// <summary>
/// Requests refused outright on every webhook and API route: unsigned, wrongly signed, malformed, mistyped,
/// oversized, anonymous. No 5xx, the server stays up, and nothing is stored.
/// </summary>
public sealed class RejectedRequestTests(HostileHost server) : IClassFixture<HostileHost>
{
    [Fact]
    public async Task RejectedRequests_EveryWebhookAndApiRoute_NoServerErrorNothingStored()
    {
        var results = await server.SendAsync(RejectedRequests(server.Host.BaseUrl, server.Scenario.Simulator.AuthToken));

        await server.AssertNoServerErrorAndStillUpAsync(results);
        Assert.True(results.Count >= 2000, $"only {results.Count} requests were sent");
        Assert.Equal((0, 0, 0, 0), await server.StoredCountsAsync());
    }

    private static IEnumerable<Func<HttpRequestMessage>> RejectedRequests(Uri baseUrl, string authToken)
    {
        var bodies = MalformedBodies().ToList();
        foreach (var path in TwilioWebhooks.Append(VapiRequests.Path))
        {
            foreach (var (content, type) in bodies)
            {
                // No signature, a wrong one, and the right key over other bytes.
                yield return () => Post(path, content, type);
                yield return () => Post(path, content, type, ("X-Twilio-Signature", "bm90IGEgc2lnbmF0dXJl"), ("x-vapi-secret", "wrong-secret"));
                yield return () => Post(path, content, type, ("X-Twilio-Signature", TwilioSignature.Compute(authToken, new Uri(baseUrl, path).AbsoluteUri, [])));
            }

            foreach (var value in HostileStrings.All)
            {
                var form = string.Join('&', TwilioFields.Select(f => f + "=" + Uri.EscapeDataString(value)));
                yield return () => Post(path, Encoding.UTF8.GetBytes(form), "application/x-www-form-urlencoded");
            }

            yield return () => Post(path, new byte[200 * 1024], "application/x-www-form-urlencoded");
            yield return () => Post(path, Encoding.UTF8.GetBytes("{\"message\":" + new string('[', 5000) + "}"), "application/json", ("x-vapi-secret", "wrong"));
        }

        foreach (var path in new[] { "/api/calls", "/api/recordings", "/api/keys", "/api/users", "/api/audit", "/api/imports", "/api/reconciliations" })
        {
            foreach (var (content, type) in bodies)
            {
                yield return () => Post(path, content, type);
                yield return () => Post(path, content, type, ("Authorization", "Bearer " + "cvk_aaaaaaaa_" + new string('x', 43)));
            }
        }
    }
}
