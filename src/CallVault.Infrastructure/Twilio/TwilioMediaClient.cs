using CallVault.Core.Pipeline;
using CallVault.Infrastructure.Http;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace CallVault.Infrastructure.Twilio;

/// <summary>
/// Streams a recording's media to a local file while hashing it. Only the configured API host (and
/// explicitly allowed redirect hosts) is contacted; credentials go to the API host alone. A few
/// quick retries happen here; longer waits are the job queue's backoff.
/// </summary>
public sealed class TwilioMediaClient(IHttpClientFactory httpClientFactory, IOptions<TwilioOptions> options, TimeProvider time)
{
    public const string HttpClientName = "twilio-media";
    private const int MaxRedirects = 3;

    private static readonly ResiliencePipeline QuickRetry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<MediaTransferException>(),
            MaxRetryAttempts = 2,
            Delay = TimeSpan.FromMilliseconds(200),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        })
        .Build();

    public async Task<MediaDownload> DownloadAsync(string? recordingUrl, int? channels, string destinationPath, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.IsConfigured)
        {
            return MediaDownload.Failed(new StageResult.Transient("Twilio credentials are not configured"));
        }

        if (!MediaUrlPolicy.TryBuild(recordingUrl, o, channels, out var mediaUri, out var error))
        {
            return MediaDownload.Failed(new StageResult.Permanent(error!));
        }

        try
        {
            return await QuickRetry.ExecuteAsync(
                async ct => await DownloadOnceAsync(mediaUri!, destinationPath, ct),
                cancellationToken);
        }
        catch (MediaTransferException ex)
        {
            return MediaDownload.Failed(new StageResult.Transient(ex.Message, ex.RetryAfter));
        }
        catch (MediaRefusedException ex)
        {
            return MediaDownload.Failed(new StageResult.Permanent(ex.Message));
        }
    }

    private async Task<MediaDownload> DownloadOnceAsync(Uri mediaUri, string destinationPath, CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var response = await SendFollowingAllowedRedirectsAsync(mediaUri, cancellationToken);
        var expected = response.Content.Headers.ContentLength;
        if (expected > o.MaxMediaBytes)
        {
            throw new MediaRefusedException($"media is {expected} bytes, over the {o.MaxMediaBytes}-byte limit");
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var policy = new DownloadPolicy(_ => true, o.MaxMediaBytes, TimeSpan.FromSeconds(o.StallTimeoutSeconds));
        var (bytes, sha256) = await HashingFileCopy.CopyAsync(body, destinationPath, expected, policy, time, cancellationToken);
        return new MediaDownload(bytes, sha256, StageResult.Ok);
    }

    private async Task<HttpResponseMessage> SendFollowingAllowedRedirectsAsync(Uri uri, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var http = httpClientFactory.CreateClient(HttpClientName);
        var triedMono = false;
        for (var hop = 0; hop <= MaxRedirects; hop++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            if (MediaUrlPolicy.IsSameOrigin(uri, o.ApiBaseUrl))
            {
                request.Headers.Authorization = TwilioCredentials.BasicAuth(o);
            }

            HttpResponseMessage response;
            using var headerTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            headerTimeout.CancelAfter(TimeSpan.FromSeconds(o.StallTimeoutSeconds));
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, headerTimeout.Token);
            }
            catch (HttpRequestException ex)
            {
                throw new MediaTransferException($"media request failed ({ex.HttpRequestError}): {ex.InnerException?.Message ?? ex.Message}");
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new MediaTransferException("media request timed out waiting for the provider");
            }

            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            using (response)
            {
                if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    uri = NextHop(uri, location);
                    continue;
                }

                // Twilio answers 400 when two channels are asked of a mono recording.
                if (status == 400 && !triedMono && uri.Query.Contains("RequestedChannels=2", StringComparison.Ordinal))
                {
                    triedMono = true;
                    uri = new UriBuilder(uri) { Query = string.Empty }.Uri;
                    hop--;
                    continue;
                }

                throw status switch
                {
                    404 => new MediaTransferException("media not available yet (404)"),
                    408 or 429 or >= 500 => new MediaTransferException($"provider answered {status}", RetryAfter(response)),
                    401 or 403 => new MediaTransferException($"provider refused the credentials ({status})"),
                    _ => new MediaRefusedException($"provider answered {status} for the media"),
                };
            }
        }

        throw new MediaRefusedException("too many redirects for the media");
    }

    private Uri NextHop(Uri current, Uri location)
    {
        var next = location.IsAbsoluteUri ? location : new Uri(current, location);
        var o = options.Value;
        var allowed = MediaUrlPolicy.IsSameOrigin(next, o.ApiBaseUrl)
            || (next.Scheme == Uri.UriSchemeHttps && o.AllowedMediaRedirectHosts.Contains(next.IdnHost, StringComparer.OrdinalIgnoreCase));
        return allowed ? next : throw new MediaRefusedException($"media redirect to '{next.Host}' is not allowed");
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta
        ?? (response.Headers.RetryAfter?.Date is { } date ? date - time.GetUtcNow() : null);
}
