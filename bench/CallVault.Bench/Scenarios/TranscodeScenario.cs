using System.Diagnostics;
using System.Globalization;
using CallVault.Bench.Reporting;
using CallVault.Core.Audio;
using CallVault.Infrastructure.Media;
using CallVault.Simulator;

namespace CallVault.Bench.Scenarios;

/// <summary>
/// What the transcode stage buys and costs: the exact ffmpeg arguments the pipeline uses, on real
/// speech (espeak-ng + sox) and on tones, mono and dual-channel 8 kHz 16-bit WAV, timed one at a time.
/// </summary>
internal sealed class TranscodeScenario : IBenchScenario
{
    private const double OpusTarget = 8.0;

    private static readonly string Passage = string.Join(' ', Enumerable.Repeat(
        "Thank you for calling. I can see your order from last Tuesday. The courier will deliver it on Thursday morning " +
        "between nine and eleven. Is the address on the account still correct? Could you also confirm a phone number " +
        "where the driver can reach you if nobody answers the door?", 4));

    public string Name => "transcode";

    public async Task<ScenarioReport> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var ffmpeg = FfmpegLocator.FindOnPath("ffmpeg") ?? throw new InvalidOperationException("ffmpeg is not on PATH (test.sh installs it).");
        var work = Directory.CreateTempSubdirectory("callvault-bench-transcode-").FullName;
        var report = new ScenarioReport(Name,
            "The pipeline's own ffmpeg arguments (Opus 16 kbit/s mono, 24 kbit/s dual; MP3 32/48 kbit/s) on 8 kHz 16-bit WAV: "
            + "a spoken passage (espeak-ng, resampled by sox) and tones, each transcoded alone; size ratio = WAV bytes / output bytes, "
            + "speed = audio duration / wall time.");
        try
        {
            foreach (var channels in new[] { 1, 2 })
            {
                var speech = await SpeechAudio.TrySynthesizeAsync(Passage, channels, Path.Combine(work, $"speech-{channels}.wav"), cancellationToken)
                    ?? throw new InvalidOperationException("espeak-ng and sox are needed for the speech sample (test.sh installs them).");
                var tones = await WriteTonesAsync(Path.Combine(work, $"tones-{channels}.wav"), channels, seconds: 120, cancellationToken);
                foreach (var (label, input) in new[] { ("speech", speech), ("tones", tones) })
                {
                    foreach (var target in new[] { TranscodeTarget.Opus, TranscodeTarget.Mp3 })
                    {
                        await MeasureAsync(report, ffmpeg, label, channels, input, target, work, cancellationToken);
                    }
                }
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        return report;
    }

    private static async Task MeasureAsync(ScenarioReport report, string ffmpeg, string label, int channels, string input, TranscodeTarget target,
        string work, CancellationToken cancellationToken)
    {
        double duration;
        await using (var file = File.OpenRead(input))
        {
            duration = await AudioInspector.InspectAsync(file, cancellationToken) is AudioInspection.Valid valid ? valid.Info.DurationSeconds : 0;
        }

        var output = Path.Combine(work, $"{Path.GetFileNameWithoutExtension(input)}.{TranscodeArguments.Extension(target)}");
        var info = new ProcessStartInfo(ffmpeg) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in TranscodeArguments.For(target, channels, input, output))
        {
            info.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var errors = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        clock.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg failed on {label}: {errors.Split('\n')[0]}");
        }

        var ratio = (double)new FileInfo(input).Length / new FileInfo(output).Length;
        var name = string.Create(CultureInfo.InvariantCulture,
            $"{label}, {(channels == 1 ? "mono" : "dual")}, {duration:0} s → {target.ToString().ToLowerInvariant()} {TranscodeArguments.BitrateKbps(target, channels)} kbit/s");
        var value = string.Create(CultureInfo.InvariantCulture, $"{ratio:0.0}× smaller, {duration / clock.Elapsed.TotalSeconds:0}× realtime");
        if (target == TranscodeTarget.Opus)
        {
            report.Add(name, value, $"≥ {OpusTarget:0}× smaller", ratio >= OpusTarget);
        }
        else
        {
            report.Add(name, value);
        }
    }

    /// <summary>Two tones per channel, streamed to the file (no whole buffer).</summary>
    private static async Task<string> WriteTonesAsync(string path, int channels, int seconds, CancellationToken cancellationToken)
    {
        const int rate = 8000;
        await using var file = File.Create(path);
        await file.WriteAsync(WavHeader.Create(channels, rate, 16, (long)rate * seconds * channels * 2), cancellationToken);
        var frame = new byte[rate * channels * 2];
        for (var second = 0; second < seconds; second++)
        {
            for (var i = 0; i < rate; i++)
            {
                var t = ((second * rate) + i) / (double)rate;
                for (var c = 0; c < channels; c++)
                {
                    var sample = (short)(6000 * Math.Sin(2 * Math.PI * (440 + (c * 110)) * t) + 3000 * Math.Sin(2 * Math.PI * (660 + (second % 5 * 40)) * t));
                    BitConverter.TryWriteBytes(frame.AsSpan(((i * channels) + c) * 2), sample);
                }
            }

            await file.WriteAsync(frame, cancellationToken);
        }

        return path;
    }
}
