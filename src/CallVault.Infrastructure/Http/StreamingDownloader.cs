using CallVault.Core.Pipeline;
using CallVault.Infrastructure.Twilio;
using Polly;
using Polly.Retry;

namespace CallVault.Infrastructure.Http;

/// <summary>
/// Streams one URL into a local file with its SHA-256, through a named <see cref="HttpClient"/> that
/// must not follow redirects itself: redirects are followed here, and every hop is checked against
/// the policy before it is requested. 404, 408, 429, 5xx and cut or stalled connections are
/// transient (a couple of quick retries, then the job queue's backoff); a refused host, a size over
/// the cap and other 4xx are permanent. Sends no credentials.
/// </summary>
public sealed class StreamingDownloader(IHttpClientFactory httpClientFactory, TimeProvider time)
{
    private readonly ResiliencePipeline _quickRetry = new ResiliencePipelineBuilder { TimeProvider = time }
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<MediaTransferException>(),
            MaxRetryAttempts = 2,
            Delay = TimeSpan.FromMilliseconds(200),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        })
        .Build();

    public async Task<MediaDownload> DownloadAsync(string httpClientName, Uri uri, DownloadPolicy policy, string destinationPath, CancellationToken cancellationToken)
    {
        if (!policy.IsAllowed(uri))
        {
            return MediaDownload.Failed(new StageResult.Permanent($"media host '{uri.Host}' is not allowed"));
        }

        try
        {
            return await _quickRetry.ExecuteAsync(
                async ct => await DownloadOnceAsync(httpClientName, uri, policy, destinationPath, ct),
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

    private async Task<MediaDownload> DownloadOnceAsync(string httpClientName, Uri uri, DownloadPolicy policy, string destinationPath, CancellationToken cancellationToken)
    {
        using var response = await SendFollowingRedirectsAsync(httpClientName, uri, policy, cancellationToken);
        var expected = response.Content.Headers.ContentLength;
        if (expected > policy.MaxBytes)
        {
            throw new MediaRefusedException($"media is {expected} bytes, over the {policy.MaxBytes}-byte limit");
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var (bytes, sha256) = await HashingFileCopy.CopyAsync(body, destinationPath, expected, policy, time, cancellationToken);
        return new MediaDownload(bytes, sha256, StageResult.Ok);
    }

    private async Task<HttpResponseMessage> SendFollowingRedirectsAsync(string httpClientName, Uri uri, DownloadPolicy policy, CancellationToken cancellationToken)
    {
        var http = httpClientFactory.CreateClient(httpClientName);
        for (var hop = 0; hop <= policy.MaxRedirects; hop++)
        {
            var response = await SendAsync(http, uri, policy, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    var next = location.IsAbsoluteUri ? location : new Uri(uri, location);
                    uri = policy.IsAllowed(next) ? next : throw new MediaRefusedException($"media redirect to '{next.Host}' is not allowed");
                    continue;
                }

                throw status switch
                {
                    404 => new MediaTransferException("media not available yet (404)"),
                    408 or 429 or >= 500 => new MediaTransferException($"media host answered {status}", RetryAfter(response)),
                    _ => new MediaRefusedException($"media host answered {status}"),
                };
            }
        }

        throw new MediaRefusedException("too many redirects for the media");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpClient http, Uri uri, DownloadPolicy policy, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        using var headerTimeout = new CancellationTokenSource(policy.StallTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, headerTimeout.Token);
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
        }
        catch (HttpRequestException ex) when (ex.InnerException is OutboundAddressRefusedException refused)
        {
            throw new MediaRefusedException(refused.Message);
        }
        catch (HttpRequestException ex)
        {
            throw new MediaTransferException($"media request failed ({ex.HttpRequestError})");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MediaTransferException("media request timed out waiting for the host");
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta
        ?? (response.Headers.RetryAfter?.Date is { } date ? date - time.GetUtcNow() : null);
}
