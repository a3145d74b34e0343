using System.Buffers;
using System.Security.Cryptography;
using CallVault.Core.Pipeline;
using CallVault.Core.Recordings;
using CallVault.Infrastructure.Pipeline;
using CallVault.Infrastructure.Twilio;

namespace CallVault.Infrastructure.Uploads;

/// <summary>
/// The download stage for uploads: streams the staged file into the work file while hashing it.
/// The staged file is left in place — a later stage may fail and run the download again — and is
/// removed by <see cref="StagedUploadCleanup"/> once the recording is stored.
/// </summary>
internal sealed class UploadMediaSource(StagedUploads staged) : IRecordingMediaSource
{
    private const int BufferSize = 128 * 1024;

    public string Origin => RecordingOrigin.Upload;

    public async Task<MediaDownload> FetchAsync(Recording recording, string destinationPath, CancellationToken cancellationToken)
    {
        if (!staged.TryResolve(recording.MediaUrl, out var path))
        {
            return MediaDownload.Failed(new StageResult.Permanent($"'{recording.MediaUrl}' is not the name of a staged upload"));
        }

        FileStream source;
        try
        {
            source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return MediaDownload.Failed(new StageResult.Permanent(
                $"the uploaded file {recording.MediaUrl} is no longer in the staging folder; upload the recording again"));
        }

        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            await using (source)
            await using (var destination = new FileStream(destinationPath, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                long total = 0;
                int read;
                while ((read = await source.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    total += read;
                }

                await destination.FlushAsync(cancellationToken);
                return total == 0
                    ? MediaDownload.Failed(new StageResult.Permanent($"the uploaded file {recording.MediaUrl} is empty"))
                    : new MediaDownload(total, Convert.ToHexStringLower(hash.GetHashAndReset()), StageResult.Ok);
            }
        }
        catch (IOException ex)
        {
            return MediaDownload.Failed(new StageResult.Transient($"could not copy the staged upload: {ex.Message}"));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
