namespace CallVault.Web.Reconciliations;

/// <summary>
/// Body of <c>POST /api/reconciliations</c>; every field optional (the defaults are a dry run).
/// <c>checksums</c>: <c>"all"</c> re-hashes every stored object, <c>"sample"</c> (default) a random <c>checksumSample</c>.
/// </summary>
internal sealed record ReconciliationRequestBody(bool? Repair, bool? DeleteOrphans, long? OrphanGraceSeconds, int? ChecksumSample, string? Checksums);
