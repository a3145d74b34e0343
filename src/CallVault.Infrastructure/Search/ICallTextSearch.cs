using CallVault.Infrastructure.Persistence;

namespace CallVault.Infrastructure.Search;

/// <summary>
/// Full-text search over recordings' transcripts and summaries, answered per call. One implementation
/// per database: SQLite FTS5, and PostgreSQL tsvectors with GIN and BRIN indexes.
/// </summary>
public interface ICallTextSearch
{
    /// <summary>
    /// Calls where every term was said (or summarized), best match first (the newer first of equal matches), at most
    /// <paramref name="limit"/>: the answer for a smaller limit is the beginning of the answer for a larger one.
    /// </summary>
    Task<IReadOnlyList<CallSearchHit>> SearchAsync(CallVaultDbContext db, IReadOnlyList<string> terms, int limit, CancellationToken cancellationToken);
}
