namespace CallVault.Infrastructure.Waveforms;

/// <summary>
/// Turns interleaved signed 16-bit little-endian PCM, fed in chunks of any size, into per-channel
/// peaks; holds one bucket per channel, never the audio.
/// </summary>
internal sealed class PeakAccumulator
{
    private readonly int _channels;
    private readonly int _framesPerPeak;
    private readonly List<int>[] _peaks;
    private readonly int[] _current;
    private int _framesInBucket;
    private int _channel;
    private int _pendingByte = -1;

    public PeakAccumulator(int channels, int framesPerPeak)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(framesPerPeak, 1);
        _channels = channels;
        _framesPerPeak = framesPerPeak;
        _peaks = [.. Enumerable.Range(0, channels).Select(_ => new List<int>())];
        _current = new int[channels];
    }

    public void Add(ReadOnlySpan<byte> pcm)
    {
        var i = 0;
        if (_pendingByte >= 0 && pcm.Length > 0)
        {
            AddSample((short)(_pendingByte | (pcm[0] << 8)));
            _pendingByte = -1;
            i = 1;
        }

        for (; i + 1 < pcm.Length; i += 2)
        {
            AddSample((short)(pcm[i] | (pcm[i + 1] << 8)));
        }

        if (i < pcm.Length)
        {
            _pendingByte = pcm[i];
        }
    }

    /// <summary>The peaks so far, the last partial bucket included.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Complete()
    {
        if (_framesInBucket > 0 || _channel > 0)
        {
            CloseBucket();
        }

        return _peaks;
    }

    private void AddSample(short sample)
    {
        var magnitude = sample == short.MinValue ? short.MaxValue : Math.Abs(sample);
        if (magnitude > _current[_channel])
        {
            _current[_channel] = magnitude;
        }

        if (++_channel < _channels)
        {
            return;
        }

        _channel = 0;
        if (++_framesInBucket == _framesPerPeak)
        {
            CloseBucket();
        }
    }

    private void CloseBucket()
    {
        for (var c = 0; c < _channels; c++)
        {
            _peaks[c].Add((int)Math.Round(_current[c] * 100.0 / short.MaxValue));
            _current[c] = 0;
        }

        _framesInBucket = 0;
        _channel = 0;
    }
}
