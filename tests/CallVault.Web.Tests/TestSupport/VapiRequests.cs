using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CallVault.Core.Vapi;

namespace CallVault.Web.Tests.TestSupport;

/// <summary>Vapi server messages as Vapi sends them: JSON bodies with the configured credential.</summary>
public static class VapiRequests
{
    public const string Secret = "vapi-shared-secret-0123456789";
    public const string Path = "/webhooks/vapi";

    public static Dictionary<string, string?> Settings(string mode, params string[] allowedMediaHosts)
    {
        var settings = new Dictionary<string, string?>
        {
            ["CallVault:Vapi:AuthMode"] = mode,
            ["CallVault:Vapi:Secret"] = Secret,
        };
        for (var i = 0; i < allowedMediaHosts.Length; i++)
        {
            settings[$"CallVault:Vapi:AllowedMediaHosts:{i}"] = allowedMediaHosts[i];
        }

        return settings;
    }

    /// <summary>A POST carrying the credential of <paramref name="mode"/> made with <paramref name="secret"/>.</summary>
    public static HttpRequestMessage Create(Uri baseUrl, string json, string mode, string secret = Secret, DateTimeOffset? signedAt = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, Path))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        switch (mode)
        {
            case "bearer":
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
                break;
            case "secret-header":
                request.Headers.Add("x-vapi-secret", secret);
                break;
            case "hmac":
                var timestamp = (signedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                request.Headers.Add("x-timestamp", timestamp);
                request.Headers.Add("x-signature", VapiSignature.Compute(secret, timestamp, Encoding.UTF8.GetBytes(json)));
                break;
        }

        return request;
    }

    /// <summary>An end-of-call report in the current shape; null URLs leave the recording out.</summary>
    public static string Report(
        string callId,
        Uri? stereoUrl = null,
        Uri? monoUrl = null,
        string? phoneCallProviderId = null,
        string? transcript = "AI: Thanks for calling Acme.\nUser: I'd like to book a table.",
        string? summary = "The caller booked a table.")
    {
        var recording = new JsonObject();
        if (stereoUrl is not null)
        {
            recording["stereoUrl"] = stereoUrl.AbsoluteUri;
        }

        if (monoUrl is not null)
        {
            recording["mono"] = new JsonObject { ["combinedUrl"] = monoUrl.AbsoluteUri };
        }

        var artifact = new JsonObject();
        if (recording.Count > 0)
        {
            artifact["recording"] = recording;
        }

        if (transcript is not null)
        {
            artifact["transcript"] = transcript;
        }

        var message = new JsonObject
        {
            ["type"] = "end-of-call-report",
            ["endedReason"] = "customer-ended-call",
            ["startedAt"] = "2025-05-01T14:08:21.004Z",
            ["endedAt"] = "2025-05-01T14:09:03.504Z",
            ["call"] = new JsonObject { ["id"] = callId, ["type"] = "inboundPhoneCall", ["phoneCallProviderId"] = phoneCallProviderId },
            ["customer"] = new JsonObject { ["number"] = "(415) 555-0123" },
            ["phoneNumber"] = new JsonObject { ["number"] = "+18885550100" },
            ["artifact"] = artifact,
        };
        if (summary is not null)
        {
            message["analysis"] = new JsonObject { ["summary"] = summary };
        }

        return new JsonObject { ["message"] = message }.ToJsonString();
    }
}
