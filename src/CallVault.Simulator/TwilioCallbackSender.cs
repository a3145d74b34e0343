using System.Globalization;
using CallVault.Core.Twilio;
using CallVault.Simulator.Internal;

namespace CallVault.Simulator;

/// <summary>
/// Posts webhooks the way Twilio does: form-encoded fields and an <c>X-Twilio-Signature</c> computed with the auth
/// token over the exact URL posted to (query included) followed by the sorted parameters.
/// </summary>
public sealed class TwilioCallbackSender
{
    public const string UserAgent = "TwilioProxy/1.1";

    private readonly HttpClient _http;
    private readonly string _authToken;
    private readonly TimeProvider _timeProvider;

    public TwilioCallbackSender(HttpClient http, string authToken)
        : this(http, authToken, TimeProvider.System)
    {
    }

    public TwilioCallbackSender(HttpClient http, string authToken, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentException.ThrowIfNullOrEmpty(authToken);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _http = http;
        _authToken = authToken;
        _timeProvider = timeProvider;
    }

    /// <summary>The fields of a recording status callback. <c>RecordingDuration</c> is sent only for <c>completed</c>.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> RecordingStatusFields(
        SimulatedRecording recording, string recordingStatus, string accountSid, string errorCode = "0")
    {
        ArgumentNullException.ThrowIfNull(recording);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("AccountSid", accountSid),
            new("CallSid", recording.CallSid),
            new("RecordingSid", recording.Sid),
            new("RecordingUrl", recording.MediaUrl.AbsoluteUri),
            new("RecordingStatus", recordingStatus),
        };
        if (recordingStatus == "completed")
        {
            fields.Add(new("RecordingDuration", recording.WholeSeconds.ToString(CultureInfo.InvariantCulture)));
        }

        fields.Add(new("RecordingChannels", recording.Channels.ToString(CultureInfo.InvariantCulture)));
        fields.Add(new("RecordingStartTime", Rfc2822.Format(recording.StartTime)));
        fields.Add(new("RecordingSource", recording.Source));
        fields.Add(new("RecordingTrack", "both"));
        fields.Add(new("ErrorCode", errorCode));
        return fields;
    }

    /// <summary>The fields of a call status callback. <c>ParentCallSid</c> only on child legs, <c>CallDuration</c> only on final statuses.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> CallStatusFields(
        SimulatedLeg leg, string callStatus, int sequenceNumber, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(leg);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("CallSid", leg.Sid),
            new("AccountSid", leg.AccountSid),
            new("From", leg.From),
            new("To", leg.To),
            new("CallStatus", callStatus),
            new("Direction", leg.Direction),
        };
        if (leg.ParentSid is not null)
        {
            fields.Add(new("ParentCallSid", leg.ParentSid));
        }

        if (SimulatedLeg.IsTerminalStatus(callStatus))
        {
            var seconds = callStatus == "completed" ? leg.WholeSeconds : 0;
            fields.Add(new("CallDuration", seconds.ToString(CultureInfo.InvariantCulture)));
        }

        fields.Add(new("Timestamp", Rfc2822.Format(timestamp)));
        fields.Add(new("SequenceNumber", sequenceNumber.ToString(CultureInfo.InvariantCulture)));
        fields.Add(new("ApiVersion", "2010-04-01"));
        fields.Add(new("CallbackSource", "call-progress-events"));
        return fields;
    }

    public Task<HttpResponseMessage> SendRecordingStatusAsync(Uri webhookUrl, SimulatedRecording recording, string recordingStatus,
        string accountSid, CancellationToken cancellationToken) =>
        SendSignedFormAsync(webhookUrl, RecordingStatusFields(recording, recordingStatus, accountSid), cancellationToken);

    public Task<HttpResponseMessage> SendCallStatusAsync(Uri webhookUrl, SimulatedLeg leg, string callStatus, int sequenceNumber,
        CancellationToken cancellationToken) =>
        SendSignedFormAsync(webhookUrl, CallStatusFields(leg, callStatus, sequenceNumber, _timeProvider.GetUtcNow()), cancellationToken);

    public Task<HttpResponseMessage> SendSignedFormAsync(Uri url, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken) =>
        SendSignedFormAsync(url, fields, signatureOverride: null, cancellationToken);

    /// <summary>Posts the fields; <paramref name="signatureOverride"/> replaces the computed signature (use "" to send none).</summary>
    public async Task<HttpResponseMessage> SendSignedFormAsync(Uri url, IEnumerable<KeyValuePair<string, string>> fields,
        string? signatureOverride, CancellationToken cancellationToken)
    {
        using var request = CreateSignedRequest(url, fields, signatureOverride);
        return await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A signed POST not yet sent, so a test can tamper with it. <paramref name="signatureOverride"/> replaces the
    /// computed signature; an empty override sends no signature header at all.
    /// </summary>
    public HttpRequestMessage CreateSignedRequest(Uri url, IEnumerable<KeyValuePair<string, string>> fields, string? signatureOverride = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        var list = fields.ToList();
        var signature = signatureOverride ?? Sign(url, list);
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(list) };
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        if (signature.Length > 0)
        {
            request.Headers.TryAddWithoutValidation(TwilioSignature.HeaderName, signature);
        }

        return request;
    }

    /// <summary>The signature Twilio would send for a POST of <paramref name="fields"/> to <paramref name="url"/>.</summary>
    public string Sign(Uri url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(url);
        return TwilioSignature.Compute(_authToken, url.AbsoluteUri, fields);
    }
}
