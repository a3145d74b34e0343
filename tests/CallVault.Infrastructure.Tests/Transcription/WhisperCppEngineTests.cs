using CallVault.Core.Pipeline;
using CallVault.Infrastructure.Tests.TestSupport;
using CallVault.Infrastructure.Transcription;
using Microsoft.Extensions.DependencyInjection;

namespace CallVault.Infrastructure.Tests.Transcription;

/// <summary>The whisper.cpp adapter against a stand-in program that checks its arguments and audio and writes whisper.cpp's JSON.</summary>
public sealed class WhisperCppEngineTests
{
    [Fact]
    public async Task TranscribeAsync_MonoWav_RunsWhisperCppWithItsArgumentsAndParsesItsJson()
    {
        using var whisper = WhisperStandIn.Create([(0.5, "Hello there."), (3.0, "See you soon.")]);
        await using var t = await StartAsync(whisper, threads: "2");
        var wav = SpeechWav.Write(t.Root, 5, (0.5, 1.5), (3.0, 4.0));

        var result = await Engine(t).TranscribeAsync(wav, t.Token);

        Assert.Null(result.Failure);
        Assert.Equal([(0.5, 1.5, "Hello there."), (3.0, 4.0, "See you soon.")], result.Value!.Select(s => (Math.Round(s.Start, 1), Math.Round(s.End, 1), s.Text)));
        var run = Assert.Single(whisper.Runs());
        Assert.Equal(["-m", whisper.Model, "-f", wav, "-l", "de", "-oj", "-of", $"{wav}.whisper", "-t", "2"],
            run.GetProperty("args").EnumerateArray().Select(a => a.GetString()!));
        Assert.False(File.Exists($"{wav}.whisper.json"));
    }

    [Fact]
    public async Task TranscribeAsync_Silence_GivesNoSegments()
    {
        using var whisper = WhisperStandIn.Create([(0.5, "never said")]);
        await using var t = await StartAsync(whisper);

        var result = await Engine(t).TranscribeAsync(SpeechWav.Write(t.Root, 2), t.Token);

        Assert.Empty(result.Value!);
    }

    [Fact]
    public async Task TranscribeAsync_ProgramFails_IsTransientWithItsFirstErrorLine()
    {
        using var whisper = WhisperStandIn.Create([(0.5, "x")], exitCode: 3);
        await using var t = await StartAsync(whisper);

        var result = await Engine(t).TranscribeAsync(SpeechWav.Write(t.Root, 1, (0.2, 0.8)), t.Token);

        Assert.Equal("whisper.cpp failed (exit 2): error: simulated crash of whisper.cpp", Assert.IsType<StageResult.Transient>(result.Failure).Reason);
    }

    [Fact]
    public async Task TranscribeAsync_StereoWav_IsRefusedByTheProgram()
    {
        using var whisper = WhisperStandIn.Create([(0.5, "x")]);
        await using var t = await StartAsync(whisper);
        var stereo = Path.Combine(t.Root, "stereo.wav");
        await File.WriteAllBytesAsync(stereo, PcmWav.Create(16_000, new short[16_000], new short[16_000]), t.Token);

        var result = await Engine(t).TranscribeAsync(stereo, t.Token);

        Assert.Contains("must be 16 kHz mono", Assert.IsType<StageResult.Transient>(result.Failure).Reason, StringComparison.Ordinal);
    }

    private static Task<TestServices> StartAsync(WhisperStandIn whisper, string? threads = null) =>
        TestServices.StartAsync(new Dictionary<string, string?>
        {
            ["CallVault:Transcription:Engine"] = "whisper-cpp",
            ["CallVault:Transcription:WhisperCpp:Binary"] = whisper.Binary,
            ["CallVault:Transcription:WhisperCpp:Model"] = whisper.Model,
            ["CallVault:Transcription:WhisperCpp:Language"] = "de",
            ["CallVault:Transcription:WhisperCpp:Threads"] = threads,
        }, migrate: false);

    private static ITranscriptionEngine Engine(TestServices t) => t.Services.GetServices<ITranscriptionEngine>().Single(e => e.Name == "whisper-cpp");
}
