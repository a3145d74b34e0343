using System.Security.Cryptography;
using CallVault.Simulator.Audio;

namespace CallVault.Simulator;

/// <summary>
/// A recording held by the simulator. Generated audio is produced on the fly by a deterministic generator
/// (8 kHz, 16-bit PCM); nothing is held in memory, so a four-hour file costs nothing until it is read.
/// </summary>
public sealed class SimulatedRecording
{
    private readonly string? _audioFile;
    private readonly ulong _seed;
    private readonly long _frames;
    private int _deleted;
    private int _mediaRequests;

    internal SimulatedRecording(string sid, string accountSid, RecordingSpec spec, DateTimeOffset startTime, Uri mediaUrl, SimulatedLeg? apiLeg)
    {
        Sid = sid;
        AccountSid = accountSid;
        CallSid = spec.CallSid;
        Channels = spec.Channels;
        DurationSeconds = spec.DurationSeconds;
        Source = spec.Source;
        StartTime = startTime;
        MediaUrl = mediaUrl;
        ApiLeg = apiLeg;
        _audioFile = spec.AudioFile;
        _seed = AudioSeed.FromSid(sid);
        _frames = (long)Math.Round(spec.DurationSeconds * GeneratedWavStream.SampleRate, MidpointRounding.AwayFromZero);
        SizeBytes = _audioFile is null
            ? GeneratedWavStream.LengthFor(Channels, _frames)
            : new FileInfo(_audioFile).Length;
    }

    public string Sid { get; }

    public string AccountSid { get; }

    public string CallSid { get; }

    public int Channels { get; }

    public double DurationSeconds { get; }

    /// <summary>Whole seconds as Twilio reports them (<c>RecordingDuration</c>, <c>duration</c>).</summary>
    public long WholeSeconds => (long)Math.Round(DurationSeconds, MidpointRounding.AwayFromZero);

    public string Source { get; }

    /// <summary>Start of the recording; also its <c>date_created</c>.</summary>
    public DateTimeOffset StartTime { get; }

    /// <summary>The media URL without extension, as in <c>RecordingUrl</c> and <c>media_url</c>.</summary>
    public Uri MediaUrl { get; }

    /// <summary>Length of the bytes served for <c>.wav</c> (header included).</summary>
    public long SizeBytes { get; }

    public bool IsDeleted => Volatile.Read(ref _deleted) != 0;

    /// <summary>
    /// <c>in-progress</c> for a recording started through the API while its leg is still live, otherwise <c>completed</c>.
    /// The media is served either way.
    /// </summary>
    public string Status => ApiLeg is { IsTerminal: false } ? "in-progress" : "completed";

    /// <summary><c>RecordingStatusCallback</c> given when the recording was started through the API (the simulator does not call it itself).</summary>
    public string? StatusCallbackUrl { get; internal init; }

    /// <summary><c>RecordingStatusCallbackEvent</c> given when the recording was started through the API.</summary>
    public string? StatusCallbackEvents { get; internal init; }

    internal SimulatedLeg? ApiLeg { get; }

    /// <summary>A read-only stream of exactly the bytes the media endpoint serves for <c>.wav</c>.</summary>
    public Stream OpenWav() => OpenMedia(requestedChannels: null);

    /// <summary>Lowercase hex SHA-256 of the bytes <see cref="OpenWav"/> returns, computed while streaming.</summary>
    public async Task<string> ComputeSha256Async(CancellationToken cancellationToken)
    {
        var stream = OpenWav();
        await using (stream.ConfigureAwait(false))
        {
            var hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
            return Convert.ToHexStringLower(hash);
        }
    }

    /// <summary>
    /// The media for a <c>RequestedChannels</c> value: generated stereo asked for 1 channel is mixed down on the fly;
    /// a file is served as it is.
    /// </summary>
    internal Stream OpenMedia(int? requestedChannels)
    {
        if (_audioFile is not null)
        {
            return new FileStream(_audioFile, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }

        var channels = requestedChannels is 1 ? 1 : Channels;
        return new GeneratedWavStream(channels, _frames, _seed);
    }

    internal long MediaLength(int? requestedChannels) =>
        _audioFile is null && requestedChannels is 1 ? GeneratedWavStream.LengthFor(1, _frames) : SizeBytes;

    internal int CountMediaRequest() => Interlocked.Increment(ref _mediaRequests);

    internal bool MarkDeleted() => Interlocked.Exchange(ref _deleted, 1) == 0;
}
