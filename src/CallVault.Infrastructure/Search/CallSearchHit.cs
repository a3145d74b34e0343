namespace CallVault.Infrastructure.Search;

/// <summary>A call whose transcripts or summaries match, with its relevance (higher is better).</summary>
public sealed record CallSearchHit(Guid CallId, double Score);
