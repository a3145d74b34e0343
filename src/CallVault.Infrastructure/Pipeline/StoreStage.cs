using CallVault.Core.Pipeline;
using CallVault.Core.Recordings;
using CallVault.Infrastructure.Matching;
using CallVault.Infrastructure.Media;
using CallVault.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Pipeline;

/// <summary>
/// Writes the work file to storage under a key made from CallVault's own ids, re-reads it, and only
/// then marks the recording stored. The key is saved before the write, so a crash in between
/// leaves a trace for reconciliation; an object already holding the same bytes is reused.
/// With <c>CallVault:Media:KeepOriginal</c>, a transcoded recording's original is stored too, under the
/// same key with its own extension (<c>….wav</c> beside <c>….opus</c>, in <c>OriginalStorageKey</c>),
/// verified the same way; the recording's hash, size and format describe the transcoded object.
/// </summary>
internal sealed class StoreStage(IRecordingStorage storage, IOptions<MatchingOptions> matching, IOptions<MediaOptions> media, TimeProvider time) : IRecordingStage
{
    public StageName Name => StageName.Store;

    public async Task<StageResult> ExecuteAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await StoreAsync(context, cancellationToken);
        }
        finally
        {
            // The transcoded copy is scratch made from the work file; a later run makes it again.
            if (context.OriginalFile is not null)
            {
                File.Delete(context.WorkFile);
            }
        }
    }

    private async Task<StageResult> StoreAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        var recording = context.Recording;
        var key = StorageKeys.For(recording, context.Format);
        if (recording.StorageKey != key)
        {
            recording.StorageKey = key;
            await context.CheckpointAsync(cancellationToken);
        }

        if (!await PutVerifiedAsync(key, context.WorkFile, context.WorkFileSha256, context.WorkFileBytes, cancellationToken))
        {
            return new StageResult.Transient("the stored object does not match the verified audio; writing again");
        }

        if (media.Value.KeepOriginal && context is { OriginalFile: { } original, OriginalFormat: { } originalFormat } && originalFormat != context.Format)
        {
            var originalKey = StorageKeys.For(recording, originalFormat);
            if (recording.OriginalStorageKey != originalKey)
            {
                // Saved before the write, like the main key, so retention and reconciliation know the object.
                recording.OriginalStorageKey = originalKey;
                await context.CheckpointAsync(cancellationToken);
            }

            if (!await PutVerifiedAsync(originalKey, original, context.OriginalSha256, context.OriginalBytes, cancellationToken))
            {
                return new StageResult.Transient("the stored original does not match the downloaded audio; writing again");
            }
        }

        recording.Sha256 = context.WorkFileSha256;
        recording.SizeBytes = context.WorkFileBytes;
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

    /// <summary>Writes <paramref name="path"/> under <paramref name="key"/> unless storage already holds those bytes; true when it now does.</summary>
    private async Task<bool> PutVerifiedAsync(string key, string path, string? sha256, long bytes, CancellationToken cancellationToken)
    {
        var stored = await storage.StatAsync(key, computeHash: true, cancellationToken);
        if (stored is null || stored.Sha256 != sha256)
        {
            // The file is scratch: a store may take it (disk renames it into place); a retry downloads again.
            stored = await storage.PutFileAsync(key, path, cancellationToken);
        }

        return stored.Sha256 == sha256 && stored.SizeBytes == bytes;
    }
}
