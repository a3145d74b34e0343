using CallVault.Core.Audit;
using CallVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Playback;

/// <summary>
/// The download audit trail. A row is written before the first byte is sent, so a fetch is on
/// record even if the process dies mid-stream; bytes sent are filled in when the response ends.
/// </summary>
public sealed class DownloadAuditLog(IDbContextFactory<CallVaultDbContext> contextFactory, TimeProvider time)
{
    public async Task<long> StartAsync(DownloadAudit entry, CancellationToken cancellationToken)
    {
        entry.At = time.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.DownloadAudits.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return entry.Id;
    }

    public async Task FinishAsync(long id, long bytesSent, int statusCode, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.DownloadAudits.Where(a => a.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.BytesSent, bytesSent).SetProperty(a => a.StatusCode, statusCode), cancellationToken);
    }
}
