using CallVault.Infrastructure.Media;

namespace CallVault.Infrastructure.Tests.Media;

/// <summary>On output captured from ffprobe 5.1 (TestData/Ffprobe), not on JSON written by hand.</summary>
public sealed class FfprobeOutputParserTests
{
    [Fact]
    public void TryParse_OggOpusStereo_ReadsCodecChannelsRateAndFormatDuration()
    {
        Assert.True(FfprobeOutputParser.TryParse(Fixture("opus-stereo.json"), out var probe, out var error), error);

        Assert.Equal(new MediaProbe("ogg", "opus", 2, 48000, 4.636875), probe);
    }

    [Fact]
    public void TryParse_Mp3Mono_ReadsCodecChannelsRateAndFormatDuration()
    {
        Assert.True(FfprobeOutputParser.TryParse(Fixture("mp3-mono.json"), out var probe, out var error), error);

        Assert.Equal(new MediaProbe("mp3", "mp3", 1, 8000, 4.032), probe);
    }

    [Fact]
    public void TryParse_Pcm16Wav_ReadsCodecChannelsRateAndFormatDuration()
    {
        Assert.True(FfprobeOutputParser.TryParse(Fixture("wav-stereo-pcm16.json"), out var probe, out var error), error);

        Assert.Equal(new MediaProbe("wav", "pcm_s16le", 2, 8000, 4.630375), probe);
    }

    [Fact]
    public void TryParse_OpusReadFromAPipe_HasNoDuration()
    {
        Assert.True(FfprobeOutputParser.TryParse(Fixture("opus-stereo-from-pipe-no-duration.json"), out var probe, out var error), error);

        Assert.Equal(("opus", 2, (double?)null), (probe.Codec, probe.Channels, probe.DurationSeconds));
    }

    [Fact]
    public void TryParse_FormatWithoutDuration_FallsBackToTheStreamDuration()
    {
        const string json = """{"streams":[{"codec_type":"audio","codec_name":"opus","channels":1,"sample_rate":"48000","duration":"2.5"}],"format":{"format_name":"ogg"}}""";

        Assert.True(FfprobeOutputParser.TryParse(json, out var probe, out _));

        Assert.Equal(2.5, probe.DurationSeconds);
    }

    [Fact]
    public void TryParse_TruncatedGarbage_FailsWithAReasonInsteadOfThrowing()
    {
        Assert.False(FfprobeOutputParser.TryParse(Fixture("garbage.json"), out var probe, out var error));

        Assert.Null(probe);
        Assert.StartsWith("ffprobe output is not JSON", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_WhatFfprobePrintsForANonMediaFile_FailsWithNoStreams()
    {
        Assert.False(FfprobeOutputParser.TryParse(Fixture("not-media.json"), out _, out var error));

        Assert.Equal("ffprobe found no streams", error);
    }

    [Theory]
    [InlineData("""{"streams":[{"codec_type":"video","codec_name":"h264"}],"format":{}}""", "ffprobe found no audio stream")]
    [InlineData("""{"streams":[{"codec_type":"audio","codec_name":"opus"}],"format":{}}""", "ffprobe reported an audio stream without codec or channels")]
    [InlineData("""[1,2,3]""", "ffprobe found no streams")]
    [InlineData("", "ffprobe output is not JSON")]
    public void TryParse_UnusableOutput_SaysWhy(string json, string expected)
    {
        Assert.False(FfprobeOutputParser.TryParse(json, out _, out var error));

        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "Ffprobe", name));
}
