using CallVault.Core.Alerts;
using CallVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Alerts;

/// <summary>Writes this instance's <see cref="AlertSignals"/> as samples, so rules see every instance's counts.</summary>
public sealed class AlertSampleRecorder(IDbContextFactory<CallVaultDbContext> contextFactory, AlertSignals signals, TimeProvider time)
{
    private readonly string _instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var counts = signals.Take();
        if (counts.Count == 0)
        {
            return;
        }

        try
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            db.OperationalSamples.AddRange(counts.Select(c => new OperationalSample { Instance = _instance, Signal = c.Key, Count = c.Value, RecordedAt = now }));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            signals.Restore(counts);
            throw;
        }
    }
}
