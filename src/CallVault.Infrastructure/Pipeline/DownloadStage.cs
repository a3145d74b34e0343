using CallVault.Core.Pipeline;
using CallVault.Core.Recordings;

namespace CallVault.Infrastructure.Pipeline;

/// <summary>Streams the recording's audio from its origin into the work file, hashing as it goes.</summary>
internal sealed class DownloadStage(IEnumerable<IRecordingMediaSource> sources) : IRecordingStage
{
    private readonly Dictionary<string, IRecordingMediaSource> _sources = sources.ToDictionary(s => s.Origin, StringComparer.Ordinal);

    public StageName Name => StageName.Download;

    public async Task<StageResult> ExecuteAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        var recording = context.Recording;
        if (!_sources.TryGetValue(recording.Origin, out var source))
        {
            return new StageResult.Permanent($"no media source for origin '{recording.Origin}'");
        }

        var download = await source.FetchAsync(recording, context.WorkFile, cancellationToken);
        if (download.Succeeded)
        {
            context.WorkFileBytes = download.Bytes;
            context.WorkFileSha256 = download.Sha256;
        }

        return download.Result;
    }
}
