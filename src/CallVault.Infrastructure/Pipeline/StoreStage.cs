using CallVault.Core.Pipeline;
using CallVault.Core.Recordings;
using CallVault.Infrastructure.Matching;
using CallVault.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Pipeline;

/// <summary>
/// Writes the work file to storage under a key made from CallVault's own ids, re-reads it, and only
/// then marks the recording stored. The key is saved before the write, so a crash in between
/// leaves a trace for reconciliation; an object already holding the same bytes is reused.
/// </summary>
internal sealed class StoreStage(IRecordingStorage storage, IOptions<MatchingOptions> matching, TimeProvider time) : IRecordingStage
{
    public StageName Name => StageName.Store;

    public async Task<StageResult> ExecuteAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        var recording = context.Recording;
        var key = StorageKeys.For(recording, context.Format);
        if (recording.StorageKey != key)
        {
            recording.StorageKey = key;
            await context.CheckpointAsync(cancellationToken);
        }

        var stored = await storage.StatAsync(key, computeHash: true, cancellationToken);
        if (stored is null || stored.Sha256 != context.WorkFileSha256)
        {
            await using var source = new FileStream(context.WorkFile, FileMode.Open, FileAccess.Read, FileShare.Read, 128 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
            stored = await storage.PutAsync(key, source, cancellationToken);
        }

        if (stored.Sha256 != context.WorkFileSha256 || stored.SizeBytes != context.WorkFileBytes)
        {
            return new StageResult.Transient("the stored object does not match the verified audio; writing again");
        }

        recording.Sha256 = stored.Sha256;
        recording.SizeBytes = stored.SizeBytes;
        recording.Format = context.Format;
        recording.Channels = context.Audio?.Channels;
        if (recording.Channels == 2)
        {
            recording.AgentChannel ??= matching.Value.AgentChannelFor(recording.Source);
        }

        recording.DurationSeconds = context.Audio?.DurationSeconds;
        recording.Status = RecordingStatus.Stored;
        recording.StoredAt = time.GetUtcNow().UtcDateTime;
        recording.LastError = null;
        return StageResult.Ok;
    }
}
