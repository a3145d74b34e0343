using CallVault.Infrastructure.Waveforms;

namespace CallVault.Infrastructure.Tests.Waveforms;

public sealed class PeakAccumulatorTests
{
    [Fact]
    public void Add_StereoPcmSplitAtOddBytes_GivesThePeakOfEachChannelPerBucket()
    {
        // Two frames per peak; left loud then quiet, right the opposite; full scale is 100.
        short[] samples = [32767, 0, -16384, 100, 0, -32768, 10, 3277];
        var bytes = samples.SelectMany(BitConverter.GetBytes).ToArray();
        var peaks = new PeakAccumulator(channels: 2, framesPerPeak: 2);

        // Chunks that cut samples in half, as pipes do.
        peaks.Add(bytes.AsSpan(0, 3));
        peaks.Add(bytes.AsSpan(3, 8));
        peaks.Add(bytes.AsSpan(11));

        var result = peaks.Complete();
        Assert.Equal([100, 0], result[0]);
        Assert.Equal([0, 100], result[1]);
    }
}
