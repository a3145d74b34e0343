using CallVault.Core.Sync;
using CallVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Sync;

/// <summary>An import's counts, always derived from its ledger (never incremented), so a resume cannot count twice.</summary>
public sealed record ImportCounts(int Found, int Imported, int Skipped, int Failed)
{
    public static async Task<ImportCounts> FromLedgerAsync(CallVaultDbContext db, Guid importId, CancellationToken cancellationToken)
    {
        var rows = await db.ImportItems
            .Where(i => i.ImportId == importId)
            .GroupBy(i => i.Outcome)
            .Select(g => new { Outcome = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Of(ImportItemOutcome outcome) => rows.FirstOrDefault(r => r.Outcome == outcome)?.Count ?? 0;
        return new ImportCounts(rows.Sum(r => r.Count), Of(ImportItemOutcome.Imported), Of(ImportItemOutcome.Skipped), Of(ImportItemOutcome.Failed));
    }

    public void ApplyTo(Import import)
    {
        import.Found = Found;
        import.Imported = Imported;
        import.Skipped = Skipped;
        import.Failed = Failed;
    }
}
