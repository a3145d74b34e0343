namespace CallVault.Infrastructure.Search;

/// <summary>
/// What both databases' searches rank: the newest <see cref="RankedRecordings"/> recordings that match (in the order
/// they first had text), of which the best <see cref="CandidatesPerHit"/> per requested call are joined to their calls.
/// A common word matches most of a large archive; ranking every match costs seconds, while the newest few thousand
/// are found by walking the search index backwards and are what a search for a recent call needs.
/// </summary>
public sealed record SearchWindow(int RankedRecordings = SearchWindow.DefaultRankedRecordings)
{
    public const int DefaultRankedRecordings = 5_000;

    /// <summary>A call has one or two recordings: two candidates per hit leave room for both.</summary>
    public const int CandidatesPerHit = 2;

    public static SearchWindow Default { get; } = new();
}
