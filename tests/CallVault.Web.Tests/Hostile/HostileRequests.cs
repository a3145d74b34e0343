using System.Net.Http.Headers;
using System.Text;
using CallVault.Core.Twilio;
using CallVault.Web.Tests.TestSupport;

namespace CallVault.Web.Tests.Hostile;

/// <summary>The routes, fields, bodies and request builders the hostile-input tests share.</summary>
internal static class HostileRequests
{
    public static readonly string[] TwilioWebhooks = ["/webhooks/twilio/recording", "/webhooks/twilio/call-status", "/webhooks/twilio/voice"];

    public static readonly string[] TwilioFields =
    [
        "AccountSid", "CallSid", "ParentCallSid", "RecordingSid", "RecordingUrl", "RecordingStatus", "RecordingDuration",
        "RecordingChannels", "RecordingStartTime", "RecordingSource", "ErrorCode", "CallStatus", "Direction", "From", "To",
        "Timestamp", "CallDuration", "SequenceNumber",
    ];

    /// <summary>Broken encodings, wrong types, entity bombs and injection, in every content type; one 9 MB body; binary noise.</summary>
    public static IEnumerable<(byte[] Content, string? Type)> MalformedBodies()
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

    public static HttpRequestMessage Post(string path, byte[] content, string? type, params (string Name, string Value)[] headers)
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

    /// <summary>A form POST carrying the signature Twilio would compute with <paramref name="authToken"/>.</summary>
    public static HttpRequestMessage SignedForm(Uri baseUrl, string path, string authToken, List<KeyValuePair<string, string>> fields)
    {
        var url = new Uri(baseUrl, path).AbsoluteUri;
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.TryAddWithoutValidation("X-Twilio-Signature", TwilioSignature.Compute(authToken, url, fields));
        return request;
    }

    /// <summary>A request with the admin key (a body on anything but GET).</summary>
    public static HttpRequestMessage Admin(string method, string pathAndQuery, string body, string type)
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
}
