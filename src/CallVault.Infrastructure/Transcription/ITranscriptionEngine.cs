using CallVault.Core.Transcripts;

namespace CallVault.Infrastructure.Transcription;

/// <summary>Turns one channel of speech (a 16 kHz mono 16-bit WAV file) into timed segments.</summary>
internal interface ITranscriptionEngine
{
    /// <summary>The <c>CallVault:Transcription:Engine</c> value this engine answers to.</summary>
    string Name { get; }

    Task<EngineResult<IReadOnlyList<TranscriptSegment>>> TranscribeAsync(string wavPath, CancellationToken cancellationToken);
}
