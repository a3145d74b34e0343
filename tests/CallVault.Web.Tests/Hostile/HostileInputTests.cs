using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CallVault.Core.Twilio;
using CallVault.Web.Tests.Auth;
using CallVault.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Web.Tests.Hostile;

/// <summary>
/// Thousands of generated requests against every webhook and API route: malformed and mistyped
/// bodies, oversized ones, hostile strings in every field, correctly signed garbage, and a signed
/// callback pointing at a foreign media host. No 5xx, the server stays up, nothing is fetched from
/// the foreign host, and rejected requests leave nothing behind.
/// </summary>
public sealed class HostileInputTests
{
    private static readonly string[] TwilioWebhooks = ["/webhooks/twilio/recording", "/webhooks/twilio/call-status", "/webhooks/twilio/voice"];

    private static readonly string[] TwilioFields =
    [
        "AccountSid", "CallSid", "ParentCallSid", "RecordingSid", "RecordingUrl", "RecordingStatus", "RecordingDuration",
        "RecordingChannels", "RecordingStartTime", "RecordingSource", "ErrorCode", "CallStatus", "Direction", "From", "To",
        "Timestamp", "CallDuration", "SequenceNumber",
    ];

    [Fact]
    public async Task HostileRequests_EveryRoute_NoServerErrorNothingFetchedNothingStored()
    {
        await using var foreign = await WavFileServer.StartAsync();
        var settings = VapiRequests.Settings("secret-header");
        settings["CallVault:RateLimits:ApiPerSecond"] = "1000000";
        settings["CallVault:RateLimits:ApiBurst"] = "1000000";
        settings["CallVault:Jobs:MaxAttempts"] = "1";
        // Configured, so a signed voice call is answered (an unconfigured feature rightly answers 503).
        settings["CallVault:Voice:DialTarget"] = "client:agent";
        await using var s = await Scenario.StartAsync(settings);
        var host = s.Host;
        using var http = new HttpClient { BaseAddress = host.BaseUrl };
        var results = new ConcurrentBag<(string What, int Status)>();

        // 1. Rejected outright: unsigned, wrongly signed, malformed, mistyped, oversized, anonymous.
        await RunAsync(http, RejectedRequests(host.BaseUrl, s.Simulator.AuthToken), results);
        var afterRejected = await CountsAsync(host);
        Assert.Equal(new StoredCounts(0, 0, 0, 0), afterRejected);

        // 2. The admin API with hostile strings in every path, query and body field.
        var routes = ApiRoutes(host.Services);
        await RunAsync(http, AdminRequests(routes), results);
        Assert.Equal(0, await host.QueryAsync(db => db.ApiKeys.CountAsync()));
        Assert.Equal(0, await host.QueryAsync(db => db.DashboardUsers.CountAsync()));

        // 3. Correctly signed garbage, and a well-formed signed callback whose media is on a foreign host.
        var foreignSid = "RE" + new string('e', 32);
        await RunAsync(http, SignedGarbage(host.BaseUrl, s.Simulator.AuthToken, s.Simulator.AccountSid), results);
        await RunAsync(http, [SignedForeignMedia(host.BaseUrl, s.Simulator.AuthToken, s.Simulator.AccountSid, foreignSid, foreign.BaseUrl)], results);

        var serverErrors = results.Where(r => r.Status >= 500).Select(r => $"{r.Status} {r.What}").Distinct().Take(20).ToList();
        Assert.True(serverErrors.Count == 0, "5xx answers:\n" + string.Join('\n', serverErrors));
        Assert.True(results.Count >= 2000, $"only {results.Count} requests were sent");
        var failed = await RecordingJson.WaitForStatusAsync(host.Api, foreignSid, TimeSpan.FromSeconds(30), "failed");
        Assert.Contains("not the configured Twilio API host", failed.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(0, foreign.Requests);
        Assert.Empty(host.StoredFiles());
        using var health = await http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private sealed record StoredCounts(int Events, int Calls, int Recordings, int Files);

    private static async Task<StoredCounts> CountsAsync(CallVaultTestHost host) => new(
        await host.QueryAsync(db => db.InboundEvents.CountAsync()),
        await host.QueryAsync(db => db.Calls.CountAsync()),
        await host.QueryAsync(db => db.Recordings.CountAsync()),
        host.StoredFiles().Count);

    private static async Task RunAsync(HttpClient http, IEnumerable<Func<HttpRequestMessage>> requests, ConcurrentBag<(string, int)> results)
    {
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (make, ct) =>
        {
            using var request = make();
            // One connection per request: the server rightly closes a connection after refusing a request
            // whose body it did not read, and a pooled connection caught closing would fail the next request.
            request.Headers.ConnectionClose = true;
            var what = $"{request.Method} {request.RequestUri} [{request.Content?.Headers.ContentType}]";
            var oversized = request.Content?.Headers.ContentLength > 64 * 1024;
            try
            {
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
                results.Add((what, (int)response.StatusCode));
            }
            catch (HttpRequestException) when (oversized)
            {
                // The server may answer 413/401 and close while a huge body is still being sent.
                results.Add((what, 413));
            }
            catch (HttpRequestException ex)
            {
                throw new HttpRequestException($"{what}: no complete answer", ex);
            }
        });
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

    private static IEnumerable<(byte[] Content, string? Type)> MalformedBodies()
    {
        string[] texts =
        [
            "", "a=%ZZ&&=&b", "RecordingSid=RE&RecordingSid=RE2", "{", "[]", "null", "{\"message\":{\"type\":\"end-of-call-report\"", "\u0000\u0001\u0002",
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>", "--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nx",
            "{\"name\":\"../../x\",\"role\":\"admin\",\"provider\":\"twilio\",\"from\":\"' OR 1=1\",\"to\":[]}", "{\"repair\":\"yes\",\"orphanGraceSeconds\":-5}",
        ];
        string?[] types = ["application/x-www-form-urlencoded", "application/json", "text/plain", "application/xml", "multipart/form-data; boundary=b", "multipart/form-data", null];
        foreach (var text in texts)
        {
            foreach (var type in types)
            {
                yield return (Encoding.UTF8.GetBytes(text), type);
            }
        }

        yield return (new byte[9 * 1024 * 1024], "application/json");
        yield return (Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251)).ToArray(), "application/octet-stream");
    }

    private static IEnumerable<Func<HttpRequestMessage>> AdminRequests(IReadOnlyList<(string Method, string Pattern)> routes)
    {
        string[] queryNames = ["phone", "from", "to", "direction", "status", "q", "cursor", "limit", "provider", "providerRecordingId", "stage", "repair"];
        foreach (var (method, pattern) in routes)
        {
            foreach (var value in HostileStrings.All)
            {
                var path = FillPath(pattern, value);
                if (path is null)
                {
                    continue;
                }

                var query = string.Join('&', queryNames.Select(n => n + "=" + Uri.EscapeDataString(value)));
                var json = "{" + string.Join(',', new[] { "name", "role", "password", "provider", "from", "to", "repair", "deleteOrphans", "orphanGraceSeconds", "hold", "reason" }
                    .Select(f => $"\"{f}\":\"{JsonEscape(value)}\"")) + "}";
                yield return () => Admin(method, path + "?" + query, json, "application/json");
                yield return () => Admin(method, path, "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + value + "\"\r\n\r\nabc\r\n--x--", "multipart/form-data; boundary=x");
            }
        }
    }

    private static IEnumerable<Func<HttpRequestMessage>> SignedGarbage(Uri baseUrl, string authToken, string accountSid)
    {
        var random = new Random(7);
        foreach (var path in TwilioWebhooks)
        {
            for (var i = 0; i < 150; i++)
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
        2 => random.Next(-5, 100000).ToString(System.Globalization.CultureInfo.InvariantCulture),
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

    private static HttpRequestMessage SignedForm(Uri baseUrl, string path, string authToken, List<KeyValuePair<string, string>> fields)
    {
        var url = new Uri(baseUrl, path).AbsoluteUri;
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.TryAddWithoutValidation("X-Twilio-Signature", TwilioSignature.Compute(authToken, url, fields));
        return request;
    }

    private static HttpRequestMessage Post(string path, byte[] content, string? type, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(content) };
        if (type is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    private static HttpRequestMessage Admin(string method, string pathAndQuery, string body, string type)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), pathAndQuery)
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", CallVaultTestHost.AdminKey) },
        };
        if (method != "GET")
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
        }

        return request;
    }

    /// <summary>Route parameters get the hostile value (escaped), or a fresh id where the route demands a guid.</summary>
    private static string? FillPath(string pattern, string value)
    {
        var escaped = Uri.EscapeDataString(value);
        if (escaped.Length == 0 && pattern.Contains('{', StringComparison.Ordinal))
        {
            return null;
        }

        return System.Text.RegularExpressions.Regex.Replace(pattern, @"\{[^}]+\}", m =>
            m.Value.Contains(":guid", StringComparison.Ordinal) ? Guid.NewGuid().ToString() : escaped);
    }

    private static string JsonEscape(string value) => System.Text.Json.JsonEncodedText.Encode(value).ToString();

    private static List<(string Method, string Pattern)> ApiRoutes(IServiceProvider services) =>
        [.. AuthorizationMatrixTests.Routes(services)
            .Where(r => r.Key.Split(' ')[1].StartsWith("/api/", StringComparison.Ordinal))
            .Select(r => (r.Method, r.Key.Split(' ')[1]))];
}
