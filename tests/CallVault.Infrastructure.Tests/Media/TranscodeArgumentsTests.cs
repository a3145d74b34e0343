using CallVault.Infrastructure.Media;

namespace CallVault.Infrastructure.Tests.Media;

public sealed class TranscodeArgumentsTests
{
    [Theory]
    [InlineData("Opus", 1, 16)]
    [InlineData("Opus", 2, 24)]
    [InlineData("Mp3", 1, 32)]
    [InlineData("Mp3", 2, 48)]
    public void BitrateKbps_PerChannelCount_IsTheDocumentedChoice(string target, int channels, int kbps) =>
        Assert.Equal(kbps, TranscodeArguments.BitrateKbps(Enum.Parse<TranscodeTarget>(target), channels));

    [Fact]
    public void For_StereoOpus_KeepsBothChannelsInVoipModeWithoutStdinOrMetadata()
    {
        var arguments = TranscodeArguments.For(TranscodeTarget.Opus, 2, "/tmp/in put.wav", "/tmp/out.opus");

        Assert.Equal(
            ["-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i", "/tmp/in put.wav", "-map", "0:a:0", "-map_metadata", "-1", "-ac", "2",
             "-c:a", "libopus", "-b:a", "24k", "-application", "voip", "-f", "ogg", "-fflags", "+bitexact", "-flags:a", "+bitexact", "/tmp/out.opus"],
            arguments);
    }

    [Fact]
    public void For_MonoMp3_UsesLameAt32Kbps()
    {
        var arguments = TranscodeArguments.For(TranscodeTarget.Mp3, 1, "in.wav", "out.mp3");

        Assert.Contains("libmp3lame", arguments);
        Assert.Equal("32k", arguments[arguments.ToList().IndexOf("-b:a") + 1]);
        Assert.Equal("1", arguments[arguments.ToList().IndexOf("-ac") + 1]);
    }
}
