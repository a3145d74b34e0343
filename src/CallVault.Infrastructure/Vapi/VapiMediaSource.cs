using CallVault.Core.Pipeline;
using CallVault.Core.Recordings;
using CallVault.Infrastructure.Http;
using CallVault.Infrastructure.Pipeline;
using CallVault.Infrastructure.Twilio;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Vapi;

/// <summary>
/// The download stage for Vapi recordings: the URL from the end-of-call report, fetched right away
/// (some are presigned and expire), only from <c>CallVault:Vapi:AllowedMediaHosts</c> — the first
/// URL and every redirect — and without credentials.
/// </summary>
internal sealed class VapiMediaSource(StreamingDownloader downloader, IOptionsMonitor<VapiOptions> options) : IRecordingMediaSource
{
    public const string HttpClientName = "vapi-media";

    public string Origin => RecordingOrigin.Vapi;

    public Task<MediaDownload> FetchAsync(Recording recording, string destinationPath, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(recording.MediaUrl, UriKind.Absolute, out var uri))
        {
            return Task.FromResult(MediaDownload.Failed(new StageResult.Permanent("the Vapi recording URL is not an absolute URL")));
        }

        var o = options.CurrentValue;
        var hosts = o.EffectiveMediaHosts;
        if (!VapiMediaHosts.IsAllowed(uri, hosts))
        {
            return Task.FromResult(MediaDownload.Failed(new StageResult.Permanent(
                $"the Vapi recording URL's host '{uri.Host}' is not in CallVault:Vapi:AllowedMediaHosts (or is not https)")));
        }

        var policy = new DownloadPolicy(u => VapiMediaHosts.IsAllowed(u, hosts), o.MaxMediaBytes, TimeSpan.FromSeconds(o.StallTimeoutSeconds));
        return downloader.DownloadAsync(HttpClientName, uri, policy, destinationPath, cancellationToken);
    }
}
