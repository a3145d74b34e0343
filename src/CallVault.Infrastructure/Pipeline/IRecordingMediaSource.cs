using CallVault.Core.Recordings;
using CallVault.Infrastructure.Twilio;

namespace CallVault.Infrastructure.Pipeline;

/// <summary>Fetches a recording's audio into a local file, for one <see cref="RecordingOrigin"/>.</summary>
public interface IRecordingMediaSource
{
    string Origin { get; }

    /// <summary>Writes the audio to <paramref name="destinationPath"/> and reports its size and SHA-256, or why not.</summary>
    Task<MediaDownload> FetchAsync(Recording recording, string destinationPath, CancellationToken cancellationToken);
}
