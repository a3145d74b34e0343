using CallVault.Core.Recordings;
using CallVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Uploads;

/// <summary>
/// Removes staged uploads that are no longer needed: those whose recording is stored (the pipeline
/// never downloads a stored recording again) or absent, and orphans — a file with no recording row,
/// untouched for the grace period, left by an upload whose commit failed or whose process died.
/// A failed recording keeps its file, so an admin retry can still run.
/// </summary>
internal sealed partial class StagedUploadCleanup(
    StagedUploads staged,
    IDbContextFactory<CallVaultDbContext> contextFactory,
    IOptions<UploadOptions> options,
    TimeProvider time,
    ILogger<StagedUploadCleanup> logger) : BackgroundService
{
    private const int Chunk = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.CleanupIntervalSeconds), time);
        do
        {
            try
            {
                var deleted = await SweepAsync(stoppingToken);
                if (deleted > 0)
                {
                    LogDeleted(logger, deleted);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The database or the folder is unavailable: the files stay, the next tick tries again.
                LogSweepFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var orphanBefore = time.GetUtcNow().UtcDateTime - TimeSpan.FromSeconds(options.Value.OrphanGraceSeconds);
        var deleted = 0;
        foreach (var chunk in staged.Enumerate().Chunk(Chunk))
        {
            var ids = chunk.Select(f => f.RecordingId).ToList();
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var statuses = await db.Recordings.AsNoTracking()
                .Where(r => ids.Contains(r.Id))
                .Select(r => new { r.Id, r.Status })
                .ToDictionaryAsync(r => r.Id, r => r.Status, cancellationToken);
            foreach (var (id, file) in chunk)
            {
                var done = statuses.TryGetValue(id, out var status)
                    ? status is RecordingStatus.Stored or RecordingStatus.Absent
                    : file.LastWriteTimeUtc < orphanBefore;
                if (done)
                {
                    file.Delete();
                    deleted++;
                }
            }
        }

        return deleted;
    }

    [LoggerMessage(EventId = 2301, Level = LogLevel.Information, Message = "Removed {Count} staged upload(s) no longer needed")]
    private static partial void LogDeleted(ILogger logger, int count);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Warning, Message = "Could not clean the upload staging folder; trying again later")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
