using System.Diagnostics;
using System.Globalization;
using CallVault.Core.Audio;
using CallVault.Core.Pipeline;
using CallVault.Core.Recordings;
using CallVault.Infrastructure.Media;
using CallVault.Infrastructure.Pipeline;
using CallVault.Infrastructure.Tests.TestSupport;
using CallVault.Simulator;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CallVault.Infrastructure.Tests.Media;

/// <summary>The transcode stage on the real ffmpeg and ffprobe (installed by test.sh).</summary>
public sealed class TranscodeStageTests(ITestOutputHelper output)
{
    private const string Speech =
        "Thank you for calling CallVault support, my name is Alex and I will be helping you today. " +
        "Could you tell me your account number and the reason for your call? " +
        "I see, the recording from yesterday afternoon did not appear in the dashboard. " +
        "Let me check the pipeline status for that call, it should only take a moment. " +
        "The download finished, the audio was validated, and the stored copy matches its checksum.";

    [Fact]
    public async Task ExecuteAsync_DualChannelSpeechToOpus_AtLeastEightTimesSmallerWithBothChannelsAndTheSameDuration()
    {
        await using var t = await TestServices.StartAsync(Settings("opus"));
        var wav = await SpeechAsync(t, channels: 2);
        var context = await ContextAsync(wav, t.Token);

        var watch = Stopwatch.StartNew();
        var result = await Stage(t).ExecuteAsync(context, t.Token);
        watch.Stop();

        Assert.Equal(StageResult.Ok, result);
        Assert.Equal(("opus", wav, $"{wav}.opus"), (context.Format, context.OriginalFile, context.WorkFile));
        var ratio = (double)new FileInfo(wav).Length / context.WorkFileBytes;
        Report("speech, 2 ch, opus", context, ratio, watch.Elapsed);
        Assert.True(ratio >= 8, $"only {ratio:0.0}× smaller");
        await AssertHashesAsync(context, t.Token);
        var probe = await ProbeAsync(t, context.WorkFile);
        Assert.Equal(("opus", 2), (probe.Codec, probe.Channels));
        Assert.InRange(probe.DurationSeconds!.Value, context.Audio!.DurationSeconds - 0.1, context.Audio.DurationSeconds + 0.1);
        var decode = await FfmpegAsync(t, ["-v", "error", "-i", context.WorkFile, "-f", "null", "-"]);
        Assert.Equal((0, string.Empty), (decode.ExitCode, decode.StandardError));
    }

    [Fact]
    public async Task ExecuteAsync_MonoTonesToMp3_AtLeastThreeAndAHalfTimesSmaller()
    {
        await using var t = await TestServices.StartAsync(Settings("mp3"));
        var wav = await TonesAsync(t, channels: 1, seconds: 60);
        var context = await ContextAsync(wav, t.Token);

        var watch = Stopwatch.StartNew();
        var result = await Stage(t).ExecuteAsync(context, t.Token);
        watch.Stop();

        Assert.Equal(StageResult.Ok, result);
        var ratio = (double)new FileInfo(wav).Length / context.WorkFileBytes;
        Report("tones, 1 ch, mp3", context, ratio, watch.Elapsed);
        Assert.True(ratio >= 3.5, $"only {ratio:0.0}× smaller");
        Assert.Equal("mp3", context.Format);
        await AssertHashesAsync(context, t.Token);
        var probe = await ProbeAsync(t, context.WorkFile);
        Assert.Equal(("mp3", 1), (probe.Codec, probe.Channels));
    }

    [Fact]
    public async Task ExecuteAsync_StereoTonesToOpus_ReportsSizeAndSpeed()
    {
        await using var t = await TestServices.StartAsync(Settings("opus"));
        var wav = await TonesAsync(t, channels: 2, seconds: 60);
        var context = await ContextAsync(wav, t.Token);

        var watch = Stopwatch.StartNew();
        var result = await Stage(t).ExecuteAsync(context, t.Token);

        Assert.Equal(StageResult.Ok, result);
        var ratio = (double)new FileInfo(wav).Length / context.WorkFileBytes;
        Report("tones, 2 ch, opus", context, ratio, watch.Elapsed);
        Assert.True(ratio >= 8, $"only {ratio:0.0}× smaller");
    }

    [Fact]
    public async Task ExecuteAsync_TranscodeNone_IsSkippedAndLeavesTheWorkFile()
    {
        await using var t = await TestServices.StartAsync(Settings("none"));
        var wav = await TonesAsync(t, channels: 1, seconds: 2);
        var context = await ContextAsync(wav, t.Token);

        var result = await Stage(t).ExecuteAsync(context, t.Token);

        Assert.Equal(new StageResult.Skipped("transcoding is off (CallVault:Media:Transcode=none)"), result);
        Assert.Equal((wav, "wav", (string?)null), (context.WorkFile, context.Format, context.OriginalFile));
    }

    [Fact]
    public async Task ExecuteAsync_FfmpegMissing_IsSkippedWithTheReason()
    {
        await using var t = await TestServices.StartAsync(Settings("opus", ["CallVault:Media:FfmpegPath", "/nonexistent/ffmpeg"]));
        var wav = await TonesAsync(t, channels: 1, seconds: 2);
        var context = await ContextAsync(wav, t.Token);

        var result = await Stage(t).ExecuteAsync(context, t.Token);

        var skipped = Assert.IsType<StageResult.Skipped>(result);
        Assert.Equal("ffmpeg not found at /nonexistent/ffmpeg (CallVault:Media:FfmpegPath); the original audio is stored", skipped.Reason);
        Assert.Equal((wav, "wav"), (context.WorkFile, context.Format));
    }

    [Fact]
    public async Task ExecuteAsync_InputFfmpegCannotRead_IsTransientWithFfmpegsFirstErrorLineAndLeavesNoOutput()
    {
        await using var t = await TestServices.StartAsync(Settings("opus"));
        var wav = await TonesAsync(t, channels: 1, seconds: 2);
        var context = await ContextAsync(wav, t.Token);
        // Validated earlier, garbled since: ffmpeg finds no audio in it.
        await File.WriteAllBytesAsync(wav, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251))], t.Token);

        var result = await Stage(t).ExecuteAsync(context, t.Token);

        var transient = Assert.IsType<StageResult.Transient>(result);
        Assert.StartsWith("ffmpeg failed (exit 1): ", transient.Reason, StringComparison.Ordinal);
        Assert.Contains("Invalid data found when processing input", transient.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', transient.Reason);
        Assert.False(File.Exists($"{wav}.opus"));
        Assert.Equal((wav, "wav"), (context.WorkFile, context.Format));
    }

    [Fact]
    public async Task ExecuteAsync_SourceAlreadyInTheTargetFormat_IsSkipped()
    {
        await using var t = await TestServices.StartAsync(Settings("mp3"));
        var wav = await TonesAsync(t, channels: 1, seconds: 2);
        var context = await ContextAsync(wav, t.Token);
        context.Format = "mp3";

        Assert.Equal(new StageResult.Skipped("the audio is already mp3"), await Stage(t).ExecuteAsync(context, t.Token));
    }

    internal static Dictionary<string, string?> Settings(string transcode, params string?[] more)
    {
        var settings = new Dictionary<string, string?> { ["CallVault:Media:Transcode"] = transcode };
        for (var i = 0; i + 1 < more.Length; i += 2)
        {
            settings[more[i]!] = more[i + 1];
        }

        return settings;
    }

    private static TranscodeStage Stage(TestServices t) => t.Services.GetServices<IRecordingStage>().OfType<TranscodeStage>().Single();

    private static async Task<PipelineContext> ContextAsync(string path, CancellationToken cancellationToken)
    {
        var recording = new Recording { Id = Guid.NewGuid(), Provider = "twilio", ProviderRecordingId = "RE" + Guid.NewGuid().ToString("N"), CreatedAt = TestServices.Start.UtcDateTime };
        await using var file = File.OpenRead(path);
        var audio = Assert.IsType<AudioInspection.Valid>(await AudioInspector.InspectAsync(file, cancellationToken)).Info;
        var (sha256, bytes) = await FileSha256.ComputeAsync(path, cancellationToken);
        return new PipelineContext(recording, path, _ => Task.CompletedTask) { Audio = audio, WorkFileSha256 = sha256, WorkFileBytes = bytes, Format = "wav" };
    }

    private static async Task<string> SpeechAsync(TestServices t, int channels)
    {
        var path = await SpeechAudio.TrySynthesizeAsync(Speech, channels, Path.Combine(t.TempPath, "speech.work"), t.Token);
        Assert.True(path is not null, $"missing tools: {string.Join(", ", SpeechAudio.MissingTools())}");
        return path;
    }

    internal static async Task<string> TonesAsync(TestServices t, int channels, int seconds)
    {
        Directory.CreateDirectory(t.TempPath);
        var path = Path.Combine(t.TempPath, "tones.work");
        await ToneWav.WriteAsync(path, channels, seconds, t.Token);
        return path;
    }

    private static async Task AssertHashesAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        Assert.Equal((context.WorkFileSha256, context.WorkFileBytes), await FileSha256.ComputeAsync(context.WorkFile, cancellationToken));
        Assert.Equal((context.OriginalSha256, context.OriginalBytes), await FileSha256.ComputeAsync(context.OriginalFile!, cancellationToken));
    }

    private static async Task<MediaProbe> ProbeAsync(TestServices t, string path)
    {
        var (probe, error) = await t.Get<Ffprobe>().ProbeAsync(t.Get<FfmpegLocator>().Tools.Ffprobe!, path, t.Token);
        Assert.True(probe is not null, error);
        return probe;
    }

    private static Task<ProcessResult> FfmpegAsync(TestServices t, string[] arguments) =>
        t.Get<ProcessRunner>().RunAsync(t.Get<FfmpegLocator>().Tools.Ffmpeg!, arguments, 4096, t.Token);

    private void Report(string what, PipelineContext context, double ratio, TimeSpan elapsed) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {context.Audio!.DurationSeconds:0.0} s, {context.OriginalBytes} → {context.WorkFileBytes} bytes = {ratio:0.0}× smaller; stage {elapsed.TotalSeconds:0.000} s = {context.Audio.DurationSeconds / elapsed.TotalSeconds:0}× realtime"));
}
