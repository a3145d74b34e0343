using CallVault.Core.Recordings;
using CallVault.Core.Transcripts;

namespace CallVault.Web.Recordings;

/// <summary>A recording's <c>transcript</c> (SPEC §4): null until the transcribe stage completed.</summary>
public sealed record TranscriptDto(string Engine, string Text, IReadOnlyList<TranscriptSegment> Segments)
{
    public static TranscriptDto? From(Recording r) =>
        r.TranscriptText is { } text && r.Stages.Any(s => s.Stage == StageName.Transcribe && s.Status == StageStatus.Completed)
            ? new TranscriptDto(r.TranscriptEngine ?? "unknown", text, r.TranscriptSegments ?? [])
            : null;
}
