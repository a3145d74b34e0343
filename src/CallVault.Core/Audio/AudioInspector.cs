namespace CallVault.Core.Audio;

/// <summary>
/// Checks that a downloaded recording is real audio before it is called stored: detects WAV or MP3
/// from the bytes, validates the header (and every MP3 frame) and measures the duration. Reads the
/// stream through one small buffer; never loads the whole file. Malformed input gives
/// <see cref="AudioInspection.Invalid"/>, never an exception.
/// </summary>
public static class AudioInspector
{
    internal const string NotAudio = "not a WAV or MP3 file";

    /// <summary>Inspects <paramref name="stream"/> from its beginning.</summary>
    /// <param name="stream">A readable, seekable stream, typically a <see cref="FileStream"/>.</param>
    /// <param name="cancellationToken">Cancels the inspection.</param>
    /// <exception cref="ArgumentException">The stream is not readable and seekable.</exception>
    public static async Task<AudioInspection> InspectAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead || !stream.CanSeek)
        {
            throw new ArgumentException("The stream must be readable and seekable.", nameof(stream));
        }

        var window = new StreamWindow(stream);
        var available = await window.LoadAsync(0, 12, cancellationToken).ConfigureAwait(false);
        if (available == 0)
        {
            return new AudioInspection.Invalid($"empty file: {NotAudio}");
        }

        var isWav = WavReader.IsWav(window.Slice(0, available));
        var isMp3 = !isWav && Mp3FrameScanner.LooksLikeMp3(window.Slice(0, available));
        if (isWav)
        {
            return await WavReader.ReadAsync(window, cancellationToken).ConfigureAwait(false);
        }

        if (isMp3)
        {
            return await Mp3FrameScanner.ScanAsync(window, cancellationToken).ConfigureAwait(false);
        }

        return new AudioInspection.Invalid(NotAudio);
    }
}
