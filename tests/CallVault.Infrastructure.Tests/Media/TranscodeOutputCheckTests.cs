using CallVault.Infrastructure.Media;

namespace CallVault.Infrastructure.Tests.Media;

public sealed class TranscodeOutputCheckTests
{
    private static readonly MediaProbe Opus = new("ogg", "opus", 2, 48000, 110.8715);

    [Fact]
    public void Problem_OpusAFewMillisecondsLongerThanTheSource_IsNone() =>
        Assert.Null(TranscodeOutputCheck.Problem(Opus, "opus", 2, 110.865));

    [Fact]
    public void Problem_OneChannelWhereTheSourceHadTwo_SaysSo() =>
        Assert.Equal("transcoded audio has 1 channel(s), the source 2", TranscodeOutputCheck.Problem(Opus with { Channels = 1 }, "opus", 2, 110.865));

    [Fact]
    public void Problem_WrongCodec_SaysSo() =>
        Assert.Equal("transcoded audio has codec 'vorbis', expected 'opus'", TranscodeOutputCheck.Problem(Opus with { Codec = "vorbis" }, "opus", 2, 110.865));

    [Theory]
    [InlineData(110.70)]
    [InlineData(111.00)]
    public void Problem_DurationMoreThanATenthOfASecondOff_SaysBoth(double source) =>
        Assert.StartsWith("transcoded audio lasts 110.872 s, the source", TranscodeOutputCheck.Problem(Opus, "opus", 2, source), StringComparison.Ordinal);

    [Fact]
    public void Problem_NoDuration_SaysSo() =>
        Assert.Equal("ffprobe reported no duration for the transcoded audio", TranscodeOutputCheck.Problem(Opus with { DurationSeconds = null }, "opus", 2, 110.865));

    [Fact]
    public void Problem_Mp3WithExactGaplessDuration_UsesItInsteadOfFfprobes()
    {
        var mp3 = new MediaProbe("mp3", "mp3", 1, 8000, 110.232);

        Assert.NotNull(TranscodeOutputCheck.Problem(mp3, "mp3", 1, 110.065));
        Assert.Null(TranscodeOutputCheck.Problem(mp3, "mp3", 1, 110.065, outputSeconds: 110.065));
    }
}
