using CallVault.Infrastructure.Persistence;

namespace CallVault.Infrastructure.Search;

/// <summary>
/// Full-text search over recordings' transcripts and summaries, answered per call. One implementation
/// per database: SQLite FTS5 here; a PostgreSQL one (tsvector with a GIN index) goes beside it.
/// </summary>
public interface ICallTextSearch
{
    /// <summary>Calls where every term was said (or summarized), best match first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<CallSearchHit>> SearchAsync(CallVaultDbContext db, IReadOnlyList<string> terms, int limit, CancellationToken cancellationToken);
}
