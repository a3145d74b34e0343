using System.Net;
using CallVault.Core.Pipeline;
using CallVault.Core.Twilio;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Twilio;

/// <summary>Twilio's Recordings REST resource, on the configured API host only.</summary>
public sealed class TwilioRecordingsClient(IHttpClientFactory httpClientFactory, IOptionsMonitor<TwilioOptions> options)
{
    /// <summary>The named client for Twilio's REST API (JSON resources, no redirects followed).</summary>
    public const string HttpClientName = "twilio-api";

    /// <summary><c>DELETE …/Recordings/{RE}.json</c>: 204, or 404 when it is already gone; the audio is gone for good.</summary>
    public async Task<StageResult> DeleteAsync(string recordingSid, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        if (!o.IsConfigured)
        {
            return new StageResult.Transient("Twilio credentials are not configured");
        }

        if (!TwilioSid.IsValid(recordingSid, TwilioSid.Recording))
        {
            return new StageResult.Permanent("not a Twilio recording SID");
        }

        using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri(o.ApiBaseUrl, $"/2010-04-01/Accounts/{o.AccountSid}/Recordings/{recordingSid}.json"));
        request.Headers.Authorization = TwilioCredentials.BasicAuth(o);
        try
        {
            using var response = await httpClientFactory.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            return (int)response.StatusCode switch
            {
                (int)HttpStatusCode.NoContent or (int)HttpStatusCode.OK => StageResult.Ok,
                (int)HttpStatusCode.NotFound => new StageResult.Skipped("the provider no longer has this recording"),
                408 or 429 or >= 500 => new StageResult.Transient($"provider answered {(int)response.StatusCode} to the delete"),
                var status => new StageResult.Permanent($"provider refused the delete ({status})"),
            };
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new StageResult.Transient($"delete request failed: {ex.GetType().Name}");
        }
    }
}
