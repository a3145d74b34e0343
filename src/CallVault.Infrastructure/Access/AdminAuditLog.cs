using CallVault.Core.Access;
using CallVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Access;

/// <summary>Writes and pages the audit trail of administrative actions.</summary>
public sealed class AdminAuditLog(IDbContextFactory<CallVaultDbContext> dbFactory, TimeProvider time)
{
    public async Task WriteAsync(AdminAuditEntry entry, CancellationToken cancellationToken)
    {
        if (entry.At == default)
        {
            entry.At = time.GetUtcNow().UtcDateTime;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AdminAudits.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Newest first; <paramref name="beforeId"/> continues a page.</summary>
    public async Task<IReadOnlyList<AdminAuditEntry>> PageAsync(long? beforeId, int limit, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.AdminAudits.AsNoTracking();
        if (beforeId is { } before)
        {
            query = query.Where(a => a.Id < before);
        }

        return await query.OrderByDescending(a => a.Id).Take(limit).ToListAsync(cancellationToken);
    }
}
