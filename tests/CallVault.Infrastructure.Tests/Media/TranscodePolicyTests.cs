using CallVault.Infrastructure.Media;
using CallVault.Infrastructure.Tests.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Tests.Media;

public sealed class TranscodePolicyTests
{
    [Fact]
    public void Decision_UnsetWithFfmpegOnPath_IsOpus()
    {
        var decision = Decide(new MediaOptions());

        Assert.Equal((TranscodeTarget.Opus, (string?)null), (decision.Target, decision.Reason));
        Assert.True(File.Exists(decision.Tools.Ffmpeg));
        Assert.True(File.Exists(decision.Tools.Ffprobe));
    }

    [Theory]
    [InlineData("none", "None")]
    [InlineData("opus", "Opus")]
    [InlineData(" MP3 ", "Mp3")]
    public void Decision_Configured_IsWhatWasAskedFor(string configured, string expected) =>
        Assert.Equal(Enum.Parse<TranscodeTarget>(expected), Decide(new MediaOptions { Transcode = configured }).Target);

    [Fact]
    public void Decision_None_GivesTheReasonShownOnTheSkippedStage() =>
        Assert.Equal("transcoding is off (CallVault:Media:Transcode=none)", Decide(new MediaOptions { Transcode = "none" }).Reason);

    [Theory]
    [InlineData(null)]
    [InlineData("opus")]
    public void Decision_FfmpegPathThatDoesNotExist_IsNoneWithTheReason(string? configured)
    {
        var decision = Decide(new MediaOptions { Transcode = configured, FfmpegPath = "/nonexistent/bin/ffmpeg" });

        Assert.Equal(TranscodeTarget.None, decision.Target);
        Assert.Equal("ffmpeg not found at /nonexistent/bin/ffmpeg (CallVault:Media:FfmpegPath); the original audio is stored", decision.Reason);
    }

    [Fact]
    public void Decision_FfprobePathThatDoesNotExist_IsNoneWithTheReason()
    {
        var decision = Decide(new MediaOptions { Transcode = "opus", FfprobePath = "/nonexistent/ffprobe" });

        Assert.Equal(TranscodeTarget.None, decision.Target);
        Assert.StartsWith("ffprobe not found at /nonexistent/ffprobe", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decision_UnsetWithoutFfmpeg_WarnsOnceNamingTheKeyAndTheReason()
    {
        var options = Options.Create(new MediaOptions { FfmpegPath = "/nonexistent/ffmpeg" });
        var logger = new ListLogger<TranscodePolicy>();
        var policy = new TranscodePolicy(options, new FfmpegLocator(options), logger);

        _ = policy.Decision;
        _ = policy.Decision;

        var (level, eventId, message) = Assert.Single(logger.Entries);
        Assert.Equal((LogLevel.Warning, 3501), (level, eventId.Id));
        Assert.Contains("CallVault:Media:Transcode is unset", message, StringComparison.Ordinal);
        Assert.Contains("ffmpeg not found at /nonexistent/ffmpeg", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decision_FfmpegFound_LogsNothing()
    {
        var options = Options.Create(new MediaOptions());
        var logger = new ListLogger<TranscodePolicy>();

        _ = new TranscodePolicy(options, new FfmpegLocator(options), logger).Decision;

        Assert.Empty(logger.Entries);
    }

    [Fact]
    public void Validate_UnknownTranscode_FailsNamingTheKey()
    {
        var result = new MediaOptionsValidator().Validate(null, new MediaOptions { Transcode = "flac" });

        Assert.True(result.Failed);
        Assert.Contains("CallVault:Media:Transcode must be 'none', 'opus' or 'mp3' (was 'flac').", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("/usr/bin/")]
    public void Validate_MalformedFfmpegPath_FailsNamingTheKey(string path) =>
        Assert.Contains("CallVault:Media:FfmpegPath", new MediaOptionsValidator().Validate(null, new MediaOptions { FfmpegPath = path }).FailureMessage, StringComparison.Ordinal);

    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.True(new MediaOptionsValidator().Validate(null, new MediaOptions()).Succeeded);

    private static TranscodeDecision Decide(MediaOptions options)
    {
        var wrapped = Options.Create(options);
        return new TranscodePolicy(wrapped, new FfmpegLocator(wrapped), NullLogger<TranscodePolicy>.Instance).Decision;
    }
}
