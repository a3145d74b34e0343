using System.Globalization;
using System.Text.Json;
using CallVault.Core.Twilio;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Twilio;

/// <summary>
/// <c>POST /2010-04-01/Accounts/{AC}/Calls/{CA}/Recordings.json</c> on the configured API host only,
/// asking for both channels and status callbacks. One request per call; the job queue retries.
/// </summary>
internal sealed class TwilioCallsClient(IHttpClientFactory httpClientFactory, IOptionsMonitor<TwilioOptions> options, TimeProvider time)
{
    public const string HttpClientName = "twilio-calls";
    public const int CallNotInProgressCode = 21220;
    public const string RecordingStatusCallbackEvents = "in-progress completed absent";

    public async Task<RecordingStartResult> StartRecordingAsync(string callSid, Uri recordingStatusCallback, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        if (!o.IsConfigured)
        {
            return new RecordingStartResult.Transient("Twilio credentials are not configured");
        }

        if (!TwilioSid.IsValid(callSid, TwilioSid.Call))
        {
            return new RecordingStartResult.Rejected($"'{callSid}' is not a Twilio call SID");
        }

        var uri = new Uri(o.ApiBaseUrl, $"/2010-04-01/Accounts/{o.AccountSid}/Calls/{callSid}/Recordings.json");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new FormUrlEncodedContent(
            [
                new("RecordingChannels", "dual"),
                new("RecordingStatusCallback", recordingStatusCallback.AbsoluteUri),
                new("RecordingStatusCallbackEvent", RecordingStatusCallbackEvents),
            ]),
        };
        request.Headers.Authorization = TwilioCredentials.BasicAuth(o);
        try
        {
            using var response = await httpClientFactory.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return Classify(response, body);
        }
        catch (HttpRequestException ex)
        {
            return new RecordingStartResult.Transient($"start-recording request failed ({ex.HttpRequestError})");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new RecordingStartResult.Transient("start-recording request timed out");
        }
    }

    private RecordingStartResult Classify(HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        var (sid, code, message) = Parse(body);
        if (response.IsSuccessStatusCode)
        {
            return sid is not null && TwilioSid.IsValid(sid, TwilioSid.Recording)
                ? new RecordingStartResult.Started(sid)
                : new RecordingStartResult.Rejected($"Twilio answered {status} without a recording SID");
        }

        var said = message is null ? string.Empty : $": {message}";
        return status switch
        {
            400 when code == CallNotInProgressCode => new RecordingStartResult.CallNotInProgress(
                $"Twilio error {CallNotInProgressCode}, the call is no longer in progress{said}"),
            408 or 429 or >= 500 => new RecordingStartResult.Transient($"Twilio answered {status}{said}", RetryAfter(response)),
            // Credentials can be fixed while the call goes on: asked again, within the bounded attempts.
            401 or 403 => new RecordingStartResult.Transient($"Twilio refused the credentials ({status})"),
            404 => new RecordingStartResult.Rejected($"Twilio does not know this call (404){said}"),
            _ => new RecordingStartResult.Rejected(code is null
                ? $"Twilio answered {status}{said}"
                : string.Create(CultureInfo.InvariantCulture, $"Twilio answered {status} with error {code}{said}")),
        };
    }

    private static (string? Sid, int? Code, string? Message) Parse(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null, null);
            }

            var sid = root.TryGetProperty("sid", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            var code = root.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : (int?)null;
            var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            return (sid, code, message is { Length: > 300 } ? message[..300] : message);
        }
        catch (JsonException)
        {
            return (null, null, null);
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta
        ?? (response.Headers.RetryAfter?.Date is { } date ? date - time.GetUtcNow() : null);
}
