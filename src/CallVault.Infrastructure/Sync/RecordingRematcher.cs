using CallVault.Core.Recordings;
using CallVault.Infrastructure.Matching;
using CallVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CallVault.Infrastructure.Sync;

/// <summary>
/// Recovery of unmatched recordings: runs the matching chain again for every Twilio recording that
/// has no call (for example after the call-status history arrived or was imported), one recording
/// per save so a call the chain creates is seen by the next one.
/// </summary>
public sealed partial class RecordingRematcher(
    IDbContextFactory<CallVaultDbContext> contextFactory,
    RecordingMatcher matcher,
    ILogger<RecordingRematcher> logger)
{
    private const int BatchSize = 100;

    public async Task<RematchReport> RunAsync(CancellationToken cancellationToken)
    {
        List<Guid> ids;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            ids = await db.Recordings
                .Where(r => r.CallId == null && r.Origin == RecordingOrigin.Twilio)
                .OrderBy(r => r.CreatedAt)
                .Select(r => r.Id)
                .ToListAsync(cancellationToken);
        }

        var byMethod = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var examined = 0;
        foreach (var chunk in ids.Chunk(BatchSize))
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var recordings = await db.Recordings.Where(r => chunk.Contains(r.Id) && r.CallId == null).ToListAsync(cancellationToken);
            foreach (var recording in recordings)
            {
                // Cleared so the whole chain runs again, as it would for a new recording.
                recording.MatchMethod = null;
                await matcher.MatchAsync(db, recording, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                examined++;
                if (recording.CallId is not null && recording.MatchMethod is { } method)
                {
                    byMethod[method] = byMethod.GetValueOrDefault(method) + 1;
                }
            }
        }

        var matched = byMethod.Values.Sum();
        LogRematched(logger, examined, matched);
        return new RematchReport(examined, matched, examined - matched, byMethod);
    }

    [LoggerMessage(EventId = 5010, Level = LogLevel.Information, Message = "Rematch: {Examined} unmatched recordings examined, {Matched} matched")]
    private static partial void LogRematched(ILogger logger, int examined, int matched);
}
