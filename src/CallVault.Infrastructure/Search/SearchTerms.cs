using System.Text.RegularExpressions;

namespace CallVault.Infrastructure.Search;

/// <summary>
/// The words of a user's search text: letters and digits (apostrophes inside words kept), lower case,
/// at most <see cref="MaxTerms"/>. Operators and quotes typed by the user are plain text, never syntax.
/// </summary>
public static partial class SearchTerms
{
    public const int MaxTerms = 16;

    public static IReadOnlyList<string> Parse(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : [.. Word().Matches(text).Select(m => m.Value.Trim('\'').ToLowerInvariant()).Where(w => w.Length > 0).Distinct(StringComparer.Ordinal).Take(MaxTerms)];

    /// <summary>An FTS5 query where every term must occur (each a quoted string, so nothing in it is an operator).</summary>
    public static string ToFts5(IReadOnlyList<string> terms) => string.Join(' ', terms.Select(t => $"\"{t.Replace("\"", "\"\"", StringComparison.Ordinal)}\""));

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}']*")]
    private static partial Regex Word();
}
