namespace CallVault.Core.Transcripts;

/// <summary>
/// Joins what each channel of a recording said into one conversation: segments in time order (ties
/// by channel), each labelled with its channel and speaker; blank segments are dropped.
/// </summary>
public static class TranscriptMerge
{
    /// <summary>Mono: the segments as they are, unlabelled.</summary>
    public static IReadOnlyList<TranscriptSegment> Mono(IEnumerable<TranscriptSegment> segments) =>
        [.. Clean(segments.Select(s => s with { Channel = null, Speaker = null }))];

    /// <summary>Per channel (1-based key): merged and labelled from <paramref name="agentChannel"/>.</summary>
    public static IReadOnlyList<TranscriptSegment> Channels(IReadOnlyDictionary<int, IReadOnlyList<TranscriptSegment>> byChannel, int? agentChannel) =>
        [.. Clean(byChannel.SelectMany(pair => pair.Value.Select(s => s with { Channel = pair.Key, Speaker = Speakers.For(pair.Key, agentChannel) })))];

    /// <summary>The plain text of a transcript: one segment per line, in order.</summary>
    public static string PlainText(IEnumerable<TranscriptSegment> segments) => string.Join('\n', segments.Select(s => s.Text));

    private static IEnumerable<TranscriptSegment> Clean(IEnumerable<TranscriptSegment> segments) =>
        segments
            .Select(s => s with { Text = s.Text.Trim() })
            .Where(s => s.Text.Length > 0)
            .OrderBy(s => s.Start)
            .ThenBy(s => s.Channel ?? 0)
            .ThenBy(s => s.End);
}
