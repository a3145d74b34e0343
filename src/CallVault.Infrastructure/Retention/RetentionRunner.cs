using System.Globalization;
using CallVault.Core.Recordings;
using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Retention;

/// <summary>
/// Deletes the audio of recordings stored longer than the retention period, unless on legal hold.
/// The metadata row stays, marked <c>deleted</c> with who (which rule) and when. The object goes
/// first, then the row: a crash in between leaves a row pointing at nothing, found next run.
/// </summary>
public sealed partial class RetentionRunner(
    IDbContextFactory<CallVaultDbContext> contextFactory,
    IRecordingStorage storage,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<RetentionRunner> logger)
{
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (o.Days <= 0)
        {
            return 0;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var cutoff = now.AddDays(-o.Days);
        var deletedBy = string.Create(CultureInfo.InvariantCulture, $"retention ({o.Days} days)");
        var total = 0;
        while (true)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var due = await db.Recordings
                .Where(r => r.Status == RecordingStatus.Stored && !r.LegalHold && r.StoredAt < cutoff)
                .OrderBy(r => r.StoredAt)
                .Take(o.BatchSize)
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                break;
            }

            foreach (var recording in due)
            {
                foreach (var key in new[] { recording.StorageKey, recording.OriginalStorageKey }.OfType<string>())
                {
                    await storage.DeleteAsync(key, cancellationToken);
                }

                recording.Status = RecordingStatus.Deleted;
                recording.DeletedAt = now;
                recording.DeletedBy = deletedBy;
                recording.UpdatedAt = now;
            }

            await db.SaveChangesAsync(cancellationToken);
            total += due.Count;
        }

        if (total > 0)
        {
            LogDeleted(logger, total, o.Days);
        }

        return total;
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Retention deleted the audio of {Count} recording(s) older than {Days} days")]
    private static partial void LogDeleted(ILogger logger, int count, int days);
}
