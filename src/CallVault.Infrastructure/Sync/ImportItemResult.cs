using CallVault.Core.Sync;

namespace CallVault.Infrastructure.Sync;

/// <summary>What importing one listed recording did; <paramref name="New"/> is false when the ledger already had it (a resumed page).</summary>
public sealed record ImportItemResult(ImportItemOutcome Outcome, bool New, string? Reason);
