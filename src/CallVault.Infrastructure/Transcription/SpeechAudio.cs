using CallVault.Core.Pipeline;
using CallVault.Core.Recordings;
using CallVault.Infrastructure.Media;
using CallVault.Infrastructure.Storage;

namespace CallVault.Infrastructure.Transcription;

/// <summary>
/// Gets a stored recording ready for a speech engine: streams the stored object to a scratch file
/// (never whole in memory) and makes one 16 kHz mono WAV per channel with ffmpeg (one for mono audio).
/// The stored object is only read.
/// </summary>
internal sealed class SpeechAudio(IRecordingStorage storage, FfmpegLocator locator, ProcessRunner runner, TempFiles tempFiles)
{
    private const int MaxOutputChars = 4 * 1024;

    /// <summary>The prepared files by channel (null key for mono), or why not; <paramref name="scratch"/> collects every file made.</summary>
    public async Task<EngineResult<IReadOnlyList<SpeechTrack>>> PrepareAsync(Recording recording, List<string> scratch, CancellationToken cancellationToken)
    {
        if (recording.StorageKey is not { } key || recording.Status != RecordingStatus.Stored)
        {
            return Fail(new StageResult.Permanent("there is no stored audio to transcribe"));
        }

        if (locator.Tools.Ffmpeg is not { } ffmpeg)
        {
            return Fail(new StageResult.Permanent($"ffmpeg is needed to prepare audio for transcription: {locator.Tools.MissingReason}"));
        }

        var run = Guid.NewGuid().ToString("N")[..8];
        var source = tempFiles.PathFor(recording.Id, $"speech-{run}.source");
        scratch.Add(source);
        await using (var stored = await storage.OpenReadAsync(key, cancellationToken))
        {
            if (stored is null)
            {
                return Fail(new StageResult.Transient("the stored audio could not be read (missing from storage)"));
            }

            await using var file = new FileStream(source, FileMode.Create, FileAccess.Write, FileShare.None, 128 * 1024, FileOptions.Asynchronous);
            await stored.CopyToAsync(file, cancellationToken);
        }

        int?[] channels = recording.Channels is > 1 and int n ? [.. Enumerable.Range(1, n).Select(c => (int?)c)] : [null];
        List<SpeechTrack> tracks = [];
        foreach (var channel in channels)
        {
            var output = tempFiles.PathFor(recording.Id, $"speech-{run}.{channel?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "mono"}.wav");
            scratch.Add(output);
            var result = await runner.RunAsync(ffmpeg, SpeechAudioArguments.For(source, channel, output), MaxOutputChars, cancellationToken);
            if (!result.Succeeded)
            {
                var why = result.TimedOut ? "did not finish in time" : $"failed (exit {result.ExitCode}): {result.FirstErrorLine()}";
                return Fail(new StageResult.Transient($"ffmpeg could not prepare the audio for transcription: {why}"));
            }

            tracks.Add(new SpeechTrack(channel, output));
        }

        return EngineResult<IReadOnlyList<SpeechTrack>>.Ok(tracks);
    }

    private static EngineResult<IReadOnlyList<SpeechTrack>> Fail(StageResult failure) => EngineResult<IReadOnlyList<SpeechTrack>>.Fail(failure);
}
