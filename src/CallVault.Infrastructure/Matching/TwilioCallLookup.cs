using System.Globalization;
using System.Net;
using System.Text.Json;
using CallVault.Core.Twilio;
using CallVault.Infrastructure.Twilio;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Matching;

/// <summary>
/// <c>GET /2010-04-01/Accounts/{AC}/Calls/{CA}.json</c> on the configured API host, cached: the
/// parent of a leg never changes, and a busy day asks about the same parents again and again.
/// </summary>
public sealed class TwilioCallLookup(IHttpClientFactory httpClientFactory, IOptionsMonitor<TwilioOptions> options, IMemoryCache cache)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(10);

    public async Task<CallLookupResult> GetAsync(string callSid, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        if (!o.IsConfigured)
        {
            return new CallLookupResult.Unavailable("Twilio credentials are not configured");
        }

        if (!TwilioSid.IsValid(callSid, TwilioSid.Call))
        {
            return new CallLookupResult.NotFound();
        }

        var cacheKey = $"twilio-call:{callSid}";
        if (cache.TryGetValue(cacheKey, out CallLookupResult? cached) && cached is not null)
        {
            return cached;
        }

        var result = await FetchAsync(o, callSid, cancellationToken);
        if (result is not CallLookupResult.Unavailable)
        {
            cache.Set(cacheKey, result, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = CacheFor, Size = 1 });
        }

        return result;
    }

    private async Task<CallLookupResult> FetchAsync(TwilioOptions o, string callSid, CancellationToken cancellationToken)
    {
        var uri = new Uri(o.ApiBaseUrl, $"/2010-04-01/Accounts/{o.AccountSid}/Calls/{callSid}.json");
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = TwilioCredentials.BasicAuth(o);
        try
        {
            using var response = await httpClientFactory.CreateClient(TwilioRecordingsClient.HttpClientName).SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return new CallLookupResult.NotFound();
            }

            if (!response.IsSuccessStatusCode)
            {
                return new CallLookupResult.Unavailable($"Calls API answered {(int)response.StatusCode}");
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            return new CallLookupResult.Found(Parse(json.RootElement, callSid));
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new CallLookupResult.Unavailable($"Calls API unreachable: {ex.GetType().Name}");
        }
    }

    private static TwilioCallInfo Parse(JsonElement call, string callSid)
    {
        string? Text(string name) => call.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var duration = Text("duration") is { } d && int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds : (int?)null;
        var parent = Text("parent_call_sid");
        return new TwilioCallInfo(
            Text("sid") ?? callSid,
            TwilioSid.IsValid(parent, TwilioSid.Call) ? parent : null,
            Text("from"),
            Text("to"),
            Text("direction"),
            Text("status"),
            duration,
            TwilioDate.Parse(Text("start_time")),
            TwilioDate.Parse(Text("end_time")));
    }
}
