using CallVault.Core.Pipeline;
using CallVault.Core.Recordings;
using CallVault.Core.Transcripts;
using CallVault.Infrastructure.Pipeline;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Transcription;

/// <summary>
/// Writes a recording's transcript with the configured engine. <c>provider</c> keeps the text the provider
/// sent (Vapi) and has nothing to do otherwise; <c>whisper-cpp</c> and <c>openai</c> hear each channel of the
/// stored audio separately and merge them into one conversation labelled agent/customer. No speech heard
/// is a failure with its reason, not an empty transcript.
/// </summary>
internal sealed class TranscribeStage(IOptions<TranscriptionOptions> options, IEnumerable<ITranscriptionEngine> engines, SpeechAudio audio) : ITextStage
{
    public StageName Name => StageName.Transcribe;

    public string? SkipReason(Recording recording) => options.Value.EngineName switch
    {
        TranscriptionEngines.None => "transcription is off (CallVault:Transcription:Engine is none)",
        TranscriptionEngines.Provider when recording.TranscriptEngine != TranscriptionEngines.Provider || string.IsNullOrWhiteSpace(recording.TranscriptText)
            => "the provider sent no transcript (CallVault:Transcription:Engine is provider; choose whisper-cpp or openai to transcribe the audio)",
        _ => null,
    };

    public async Task<StageResult> ExecuteAsync(Recording recording, CancellationToken cancellationToken)
    {
        if (SkipReason(recording) is { } reason)
        {
            return new StageResult.Skipped(reason);
        }

        var name = options.Value.EngineName;
        if (name == TranscriptionEngines.Provider)
        {
            return StageResult.Ok;
        }

        var engine = engines.First(e => e.Name == name);
        List<string> scratch = [];
        try
        {
            var prepared = await audio.PrepareAsync(recording, scratch, cancellationToken);
            if (prepared.Failure is { } notPrepared)
            {
                return notPrepared;
            }

            Dictionary<int, IReadOnlyList<TranscriptSegment>> byChannel = [];
            foreach (var track in prepared.Value!)
            {
                var heard = await engine.TranscribeAsync(track.Path, cancellationToken);
                if (heard.Failure is { } failure)
                {
                    return failure;
                }

                byChannel[track.Channel ?? 0] = heard.Value!;
            }

            var segments = byChannel.Keys.Any(c => c > 0)
                ? TranscriptMerge.Channels(byChannel, recording.AgentChannel)
                : TranscriptMerge.Mono(byChannel[0]);
            if (segments.Count == 0)
            {
                return new StageResult.Permanent($"{name} heard no speech in the recording (empty transcript)");
            }

            recording.TranscriptEngine = name;
            recording.TranscriptSegments = segments;
            recording.TranscriptText = TranscriptMerge.PlainText(segments);
            return StageResult.Ok;
        }
        finally
        {
            foreach (var file in scratch)
            {
                File.Delete(file);
            }
        }
    }
}
