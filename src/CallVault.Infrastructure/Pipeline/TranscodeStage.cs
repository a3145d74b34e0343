using System.Globalization;
using CallVault.Core.Audio;
using CallVault.Core.Pipeline;
using CallVault.Core.Recordings;
using CallVault.Infrastructure.Media;
using Microsoft.Extensions.Logging;

namespace CallVault.Infrastructure.Pipeline;

/// <summary>
/// Turns the validated work file into Opus (or MP3) with ffmpeg, keeping every channel, then checks the
/// result with ffprobe (codec, channels, duration within 0.1 s) before it replaces the work file; the
/// original stays in <see cref="PipelineContext.OriginalFile"/> for <c>KeepOriginal</c>. Without ffmpeg or
/// with transcoding off the stage is skipped and the original is stored; an encode that fails is retried.
/// </summary>
internal sealed partial class TranscodeStage(TranscodePolicy policy, ProcessRunner runner, Ffprobe ffprobe, ILogger<TranscodeStage> logger) : IRecordingStage
{
    private const int MaxStandardOutputChars = 4 * 1024;

    public StageName Name => StageName.Transcode;

    public async Task<StageResult> ExecuteAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        var decision = policy.Decision;
        if (decision.Target == TranscodeTarget.None)
        {
            return new StageResult.Skipped(decision.Reason ?? TranscodePolicy.OffReason);
        }

        if (context.Audio is not { } source)
        {
            return new StageResult.Transient("the audio was not validated before transcoding");
        }

        var format = TranscodeArguments.Extension(decision.Target);
        if (string.Equals(context.Format, format, StringComparison.Ordinal))
        {
            return new StageResult.Skipped($"the audio is already {format}");
        }

        if (decision.Target == TranscodeTarget.Mp3 && source.Channels > 2)
        {
            return new StageResult.Skipped("MP3 holds at most two channels; the original audio is stored");
        }

        // Transcoding a long call takes a while: show it as in progress.
        await context.CheckpointAsync(cancellationToken);
        var output = $"{context.WorkFile}.{format}";
        var done = false;
        try
        {
            var (problem, speed) = await TranscodeAsync(decision, source, context.WorkFile, output, cancellationToken);
            if (problem is not null)
            {
                return new StageResult.Transient(problem);
            }

            var (sha256, bytes) = await FileSha256.ComputeAsync(output, cancellationToken);
            LogTranscoded(logger, context.Recording.Id, format, context.WorkFileBytes, bytes, (double)context.WorkFileBytes / Math.Max(1, bytes), speed);
            context.OriginalFile = context.WorkFile;
            context.OriginalBytes = context.WorkFileBytes;
            context.OriginalSha256 = context.WorkFileSha256;
            context.OriginalFormat = context.Format;
            context.WorkFile = output;
            context.WorkFileBytes = bytes;
            context.WorkFileSha256 = sha256;
            context.Format = format;
            done = true;
            return StageResult.Ok;
        }
        finally
        {
            if (!done)
            {
                File.Delete(output);
            }
        }
    }

    /// <summary>Runs ffmpeg and checks its output; a problem (null when none) and the speed against realtime.</summary>
    private async Task<(string? Problem, double Speed)> TranscodeAsync(TranscodeDecision decision, AudioInfo source, string input, string output, CancellationToken cancellationToken)
    {
        var arguments = TranscodeArguments.For(decision.Target, source.Channels, input, output);
        var result = await runner.RunAsync(decision.Tools.Ffmpeg!, arguments, MaxStandardOutputChars, cancellationToken);
        if (result.TimedOut)
        {
            return (string.Create(CultureInfo.InvariantCulture, $"ffmpeg did not finish within {result.Elapsed.TotalSeconds:0} s"), 0);
        }

        if (result.ExitCode != 0)
        {
            return ($"ffmpeg failed (exit {result.ExitCode}): {result.FirstErrorLine()}", 0);
        }

        var (probe, error) = await ffprobe.ProbeAsync(decision.Tools.Ffprobe!, output, cancellationToken);
        if (probe is null)
        {
            return ($"the transcoded audio could not be probed: {error}", 0);
        }

        // ffprobe counts an MP3's encoder delay and padding (about 0.17 s at 8 kHz) in its duration; the
        // frame walk honours the LAME gapless tag and gives the exact one.
        var exact = decision.Target == TranscodeTarget.Mp3 ? await Mp3DurationAsync(output, cancellationToken) : null;
        var problem = TranscodeOutputCheck.Problem(probe, TranscodeArguments.Codec(decision.Target), source.Channels, source.DurationSeconds, exact);
        return (problem, source.DurationSeconds / Math.Max(result.Elapsed.TotalSeconds, 0.001));
    }

    private static async Task<double?> Mp3DurationAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous);
        return await AudioInspector.InspectAsync(file, cancellationToken) is AudioInspection.Valid valid ? valid.Info.DurationSeconds : null;
    }

    [LoggerMessage(EventId = 3503, Level = LogLevel.Information,
        Message = "Recording {RecordingId} transcoded to {Format}: {SourceBytes} → {Bytes} bytes ({Ratio:0.0}× smaller) at {Speed:0}× realtime")]
    private static partial void LogTranscoded(ILogger logger, Guid recordingId, string format, long sourceBytes, long bytes, double ratio, double speed);
}
