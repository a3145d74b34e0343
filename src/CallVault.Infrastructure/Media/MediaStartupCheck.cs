using Microsoft.Extensions.Hosting;

namespace CallVault.Infrastructure.Media;

/// <summary>Settles the transcode decision at start-up, so a missing ffmpeg is reported then and not at the first recording.</summary>
internal sealed class MediaStartupCheck(TranscodePolicy policy) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = policy.Decision;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
