using System.Text.RegularExpressions;

namespace CallVault.Core.Transcripts;

/// <summary>
/// A summary that only quotes: the transcript's most informative sentences (by how often their content
/// words occur in the whole call), verbatim and in their original order. The same text always gives
/// the same summary; a text with no content word gives an empty one.
/// </summary>
public static partial class ExtractiveSummary
{
    /// <summary>At most this many sentences, and about one in five of a long call.</summary>
    public const int MaxSentences = 3;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "are", "but", "not", "you", "your", "yours", "with", "this", "that", "these", "those", "was", "were",
        "have", "has", "had", "can", "could", "would", "should", "will", "just", "from", "they", "them", "their", "there", "here",
        "what", "when", "where", "which", "who", "how", "why", "all", "any", "our", "out", "about", "into", "then", "than", "also",
        "its", "it's", "i'm", "i'll", "i've", "don't", "yes", "yeah", "okay", "hello", "thanks", "thank", "please", "well", "like",
        "let", "get", "got", "one", "too", "very", "she", "her", "him", "his", "been", "being", "does", "did", "doing", "some",
        "more", "most", "other", "such", "only", "own", "same", "over", "again", "once", "because", "while", "each", "few",
    };

    public static string Summarize(string transcript)
    {
        var sentences = SplitSentences(transcript);
        var words = sentences.Select(ContentWords).ToList();
        var frequency = words.SelectMany(w => w).GroupBy(w => w, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var take = Math.Clamp((int)Math.Ceiling(sentences.Count / 5.0), 1, MaxSentences);
        var picked = sentences
            .Select((sentence, index) => (Index: index, Score: Score(words[index], frequency)))
            .Where(s => s.Score > 0)
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Index)
            .Take(take)
            .Select(s => s.Index)
            .Order()
            .Select(i => sentences[i]);
        return string.Join(' ', picked);
    }

    /// <summary>Sentences end at . ! ? followed by a space, or at a line break (one transcript segment per line).</summary>
    public static IReadOnlyList<string> SplitSentences(string text) =>
        [.. SentenceEnd().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0)];

    private static double Score(IReadOnlyList<string> words, Dictionary<string, int> frequency) =>
        words.Count == 0 ? 0 : words.Sum(w => frequency[w]) / Math.Sqrt(words.Count);

    private static List<string> ContentWords(string sentence) =>
        [.. Word().Matches(sentence).Select(m => m.Value.ToLowerInvariant()).Where(w => w.Length >= 3 && !StopWords.Contains(w))];

    [GeneratedRegex(@"(?<=[.!?])\s+|\r?\n")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[\p{L}\p{N}']+")]
    private static partial Regex Word();
}
