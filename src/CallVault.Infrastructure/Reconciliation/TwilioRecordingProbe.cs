using System.Net;
using CallVault.Core.Twilio;
using CallVault.Infrastructure.Twilio;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Reconciliation;

/// <summary><c>GET …/Recordings/{RE}.json</c> on the configured API host: does Twilio still have the recording?</summary>
internal sealed class TwilioRecordingProbe(IHttpClientFactory httpClientFactory, IOptionsMonitor<TwilioOptions> options)
{
    public async Task<(ProviderCopy Copy, string Detail)> ProbeAsync(string recordingSid, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        if (!o.IsConfigured)
        {
            return (ProviderCopy.Unknown, "Twilio is not configured");
        }

        if (!TwilioSid.IsValid(recordingSid, TwilioSid.Recording))
        {
            return (ProviderCopy.Gone, "not a Twilio recording SID");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(o.ApiBaseUrl, $"/2010-04-01/Accounts/{o.AccountSid}/Recordings/{recordingSid}.json"));
        request.Headers.Authorization = TwilioCredentials.BasicAuth(o);
        try
        {
            using var response = await httpClientFactory.CreateClient(TwilioRecordingsClient.HttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return response.StatusCode switch
            {
                HttpStatusCode.OK => (ProviderCopy.Exists, "the provider still has it"),
                HttpStatusCode.NotFound => (ProviderCopy.Gone, "the provider no longer has it"),
                var status => (ProviderCopy.Unknown, $"the provider answered {(int)status}"),
            };
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return (ProviderCopy.Unknown, $"the provider could not be asked ({ex.GetType().Name})");
        }
    }
}
