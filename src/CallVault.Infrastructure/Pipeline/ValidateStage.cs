using System.Globalization;
using CallVault.Core.Audio;
using CallVault.Core.Pipeline;
using CallVault.Core.Recordings;

namespace CallVault.Infrastructure.Pipeline;

/// <summary>
/// Parses the audio header and frames of the work file and compares the duration with what the
/// provider reported. Truncated or garbage audio never reaches storage; it is fetched again.
/// </summary>
internal sealed class ValidateStage : IRecordingStage
{
    /// <summary>Twilio reports whole seconds; allow that rounding plus a little.</summary>
    private const double MinimumToleranceSeconds = 1.5;
    private const double RelativeTolerance = 0.01;

    public StageName Name => StageName.Validate;

    public async Task<StageResult> ExecuteAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(context.WorkFile, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous);
        var inspection = await AudioInspector.InspectAsync(file, cancellationToken);
        if (inspection is AudioInspection.Invalid invalid)
        {
            // Most often a cut-off or garbled transfer: another download usually fixes it.
            return new StageResult.Transient($"invalid audio: {invalid.Reason}");
        }

        var audio = ((AudioInspection.Valid)inspection).Info;
        if (context.Recording.ProviderDurationSeconds is { } expected)
        {
            var tolerance = Math.Max(MinimumToleranceSeconds, expected * RelativeTolerance);
            if (Math.Abs(audio.DurationSeconds - expected) > tolerance)
            {
                return new StageResult.Transient(string.Create(CultureInfo.InvariantCulture,
                    $"duration mismatch: the audio lasts {audio.DurationSeconds:0.##} s but the provider reported {expected:0.##} s"));
            }
        }

        context.Audio = audio;
        context.Format = audio.Format == AudioFormat.Mp3 ? "mp3" : "wav";
        return StageResult.Ok;
    }
}
