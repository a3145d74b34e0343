namespace CallVault.Core.Audio;

/// <summary>
/// Walks every MPEG audio frame of an MP3 file, after an optional ID3v2 tag and up to an optional
/// ID3v1 trailer, through a <see cref="StreamWindow"/>; counts samples for the duration.
/// </summary>
internal static class Mp3FrameScanner
{
    /// <summary>Consecutive valid frames required before a file is believed to be MP3.</summary>
    public const int MinimumFrames = 3;

    private const int Id3v2HeaderSize = 10;
    private const int Id3v1Size = 128;

    public static bool LooksLikeMp3(ReadOnlySpan<byte> head) =>
        head.StartsWith("ID3"u8) || (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0);

    public static async Task<AudioInspection> ScanAsync(StreamWindow window, CancellationToken cancellationToken)
    {
        var start = await SkipId3v2Async(window, cancellationToken).ConfigureAwait(false);
        if (start < 0)
        {
            return Invalid($"{AudioInspector.NotAudio}: malformed ID3v2 tag");
        }

        var position = start;
        Mp3FrameHeader first = default;
        Mp3InfoTag? infoTag = null;
        long frames = 0;
        long audioSamples = 0;
        while (position < window.Length)
        {
            var remaining = window.Length - position;
            var available = await window.LoadAsync(position, Mp3FrameHeader.Size, cancellationToken).ConfigureAwait(false);
            if (remaining == Id3v1Size && window.Slice(position, available).StartsWith("TAG"u8))
            {
                break;
            }

            if (available < Mp3FrameHeader.Size)
            {
                break; // a final partial frame: fewer bytes than a header
            }

            if (!Mp3FrameHeader.TryParse(window.Slice(position, Mp3FrameHeader.Size), out var header)
                || (frames > 0 && !first.IsSameStream(header)))
            {
                return frames < MinimumFrames
                    ? Invalid($"{AudioInspector.NotAudio}: no run of {MinimumFrames} MPEG audio frames from byte {start} (stopped at byte {position})")
                    : Invalid($"corrupt MP3: frame sync lost at byte {position}");
            }

            if (header.FrameLength > remaining)
            {
                break; // a final partial frame: its duration is not counted
            }

            if (frames == 0)
            {
                first = header;
                var length = Math.Min(header.FrameLength, window.BufferSize);
                var loaded = await window.LoadAsync(position, length, cancellationToken).ConfigureAwait(false);
                if (Mp3InfoTag.TryRead(window.Slice(position, loaded), header, out var tag))
                {
                    infoTag = tag;
                    audioSamples -= header.SamplesPerFrame; // the tag frame is silence, not audio
                }
            }

            frames++;
            audioSamples += header.SamplesPerFrame;
            position += header.FrameLength;
        }

        if (frames < MinimumFrames)
        {
            return Invalid($"{AudioInspector.NotAudio}: fewer than {MinimumFrames} MPEG audio frames");
        }

        if (infoTag is { } gapless && gapless.EncoderDelay + gapless.Padding < audioSamples)
        {
            audioSamples -= gapless.EncoderDelay + gapless.Padding;
        }

        if (audioSamples <= 0)
        {
            return Invalid("MP3 holds no audio frames");
        }

        var info = new AudioInfo(
            AudioFormat.Mp3,
            first.Codec,
            first.Channels,
            first.SampleRate,
            BitsPerSample: 0,
            (double)audioSamples / first.SampleRate,
            position - start);
        return new AudioInspection.Valid(info);
    }

    /// <summary>Returns where the audio starts: after the ID3v2 tag if there is one, or -1 when the tag is malformed.</summary>
    private static async ValueTask<long> SkipId3v2Async(StreamWindow window, CancellationToken cancellationToken)
    {
        var available = await window.LoadAsync(0, Id3v2HeaderSize, cancellationToken).ConfigureAwait(false);
        var head = window.Slice(0, available);
        if (!head.StartsWith("ID3"u8))
        {
            return 0;
        }

        if (available < Id3v2HeaderSize || head[3] == 0xFF || head[4] == 0xFF)
        {
            return -1;
        }

        long size = 0;
        foreach (var b in head[6..10])
        {
            if (b >= 0x80)
            {
                return -1; // sizes are syncsafe: 7 bits per byte
            }

            size = (size << 7) | b;
        }

        var hasFooter = (head[5] & 0x10) != 0;
        return Id3v2HeaderSize + size + (hasFooter ? Id3v2HeaderSize : 0);
    }

    private static AudioInspection.Invalid Invalid(string reason) => new(reason);
}
