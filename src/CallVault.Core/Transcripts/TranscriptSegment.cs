namespace CallVault.Core.Transcripts;

/// <summary>One stretch of speech: seconds from the start of the recording, the channel it was heard on and who spoke.</summary>
/// <param name="Start">Seconds from the start of the recording.</param>
/// <param name="End">Seconds from the start of the recording.</param>
/// <param name="Channel">1-based channel of a dual-channel recording; null for mono.</param>
/// <param name="Speaker"><see cref="Speakers.Agent"/> or <see cref="Speakers.Customer"/>; null when unknown (mono).</param>
/// <param name="Text">What was said, trimmed.</param>
public sealed record TranscriptSegment(double Start, double End, int? Channel, string? Speaker, string Text);
