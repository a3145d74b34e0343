using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Twilio;

/// <summary>
/// Pages through <c>GET …/Recordings.json</c> for a date range (<c>DateCreated&gt;</c>/<c>DateCreated&lt;</c>,
/// UTC days) by <c>next_page_uri</c>, which is only ever requested on the configured API host.
/// 429 and 5xx are waited out (Retry-After honoured, exponential otherwise) a bounded number of times.
/// </summary>
public sealed class TwilioRecordingLister(IHttpClientFactory httpClientFactory, IOptionsMonitor<TwilioOptions> options, TimeProvider time)
{
    public const int MaxPageSize = 1000;
    private const int MaxAttempts = 8;

    /// <summary>The first page's path for a range: from <paramref name="from"/> through <paramref name="to"/> inclusive.</summary>
    public string FirstPageUri(DateOnly from, DateOnly to, int pageSize = MaxPageSize)
    {
        var o = options.CurrentValue;
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        return string.Create(CultureInfo.InvariantCulture,
            $"/2010-04-01/Accounts/{o.AccountSid}/Recordings.json?DateCreated%3E={from.AddDays(-1):yyyy-MM-dd}&DateCreated%3C={to.AddDays(1):yyyy-MM-dd}&PageSize={size}");
    }

    public async Task<TwilioRecordingPage> GetPageAsync(string pageUri, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        if (!o.IsConfigured)
        {
            throw new TwilioListException("Twilio credentials are not configured");
        }

        var uri = Resolve(o, pageUri);
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Authorization = TwilioCredentials.BasicAuth(o);
            TimeSpan? wait;
            string problem;
            try
            {
                using var response = await httpClientFactory.CreateClient(TwilioRecordingsClient.HttpClientName).SendAsync(request, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                    using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
                    return Parse(json.RootElement);
                }

                var status = (int)response.StatusCode;
                if (status != (int)HttpStatusCode.TooManyRequests && status < 500)
                {
                    throw new TwilioListException($"the Recordings list answered {status}");
                }

                problem = $"the Recordings list answered {status}";
                wait = response.Headers.RetryAfter?.Delta
                    ?? (response.Headers.RetryAfter?.Date is { } date ? date - time.GetUtcNow() : null);
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                problem = $"the Recordings list is unreachable ({ex.GetType().Name})";
                wait = null;
            }
            catch (JsonException)
            {
                throw new TwilioListException("the Recordings list answered something that is not JSON");
            }

            if (attempt >= MaxAttempts)
            {
                throw new TwilioListException($"{problem}, {MaxAttempts} times");
            }

            var backoff = TimeSpan.FromMilliseconds(250 * Math.Pow(2, attempt - 1));
            await Task.Delay(wait is { } w && w > TimeSpan.Zero ? (w < TimeSpan.FromMinutes(5) ? w : TimeSpan.FromMinutes(5)) : backoff, time, cancellationToken);
        }
    }

    private static Uri Resolve(TwilioOptions o, string pageUri)
    {
        // next_page_uri is a path; an absolute URL must still be on the API host.
        var uri = Uri.TryCreate(pageUri, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? absolute
            : new Uri(o.ApiBaseUrl, pageUri);
        return MediaUrlPolicy.IsSameOrigin(uri, o.ApiBaseUrl)
            ? uri
            : throw new TwilioListException($"refusing a page URL on another host ({uri.Host})");
    }

    private static TwilioRecordingPage Parse(JsonElement root)
    {
        if (!root.TryGetProperty("recordings", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            throw new TwilioListException("the Recordings list has no 'recordings' array");
        }

        var next = root.TryGetProperty("next_page_uri", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        return new TwilioRecordingPage([.. items.EnumerateArray().Select(TwilioRecordingInfo.Parse).OfType<TwilioRecordingInfo>()], next);
    }
}
