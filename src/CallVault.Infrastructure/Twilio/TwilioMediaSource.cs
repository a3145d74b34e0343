using CallVault.Core.Recordings;
using CallVault.Infrastructure.Pipeline;

namespace CallVault.Infrastructure.Twilio;

internal sealed class TwilioMediaSource(TwilioMediaClient client) : IRecordingMediaSource
{
    public string Origin => RecordingOrigin.Twilio;

    public Task<MediaDownload> FetchAsync(Recording recording, string destinationPath, CancellationToken cancellationToken) =>
        client.DownloadAsync(recording.MediaUrl, recording.ProviderChannels, destinationPath, cancellationToken);
}
