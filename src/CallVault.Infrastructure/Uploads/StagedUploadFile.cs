using CallVault.Core.Audio;

namespace CallVault.Infrastructure.Uploads;

/// <summary>An uploaded file already staged and inspected: whose it is, its size, hash and audio facts.</summary>
internal sealed record StagedUploadFile(Guid RecordingId, long Bytes, string Sha256, AudioInfo Audio)
{
    public string FileName => StagedUploads.FileNameFor(RecordingId);
}
