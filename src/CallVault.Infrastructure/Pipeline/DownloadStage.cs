using CallVault.Core.Pipeline;
using CallVault.Core.Recordings;
using CallVault.Infrastructure.Twilio;

namespace CallVault.Infrastructure.Pipeline;

/// <summary>Streams the provider's media into the work file, hashing as it goes.</summary>
internal sealed class DownloadStage(TwilioMediaClient twilio) : IRecordingStage
{
    public StageName Name => StageName.Download;

    public async Task<StageResult> ExecuteAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        var recording = context.Recording;
        if (recording.Provider != "twilio")
        {
            return new StageResult.Permanent($"no downloader for provider '{recording.Provider}'");
        }

        var download = await twilio.DownloadAsync(recording.MediaUrl, recording.ProviderChannels, context.WorkFile, cancellationToken);
        if (download.Succeeded)
        {
            context.WorkFileBytes = download.Bytes;
            context.WorkFileSha256 = download.Sha256;
        }

        return download.Result;
    }
}
