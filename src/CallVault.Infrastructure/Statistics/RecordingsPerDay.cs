using CallVault.Core.Recordings;
using CallVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Statistics;

/// <summary>
/// Recordings per UTC day and status, counted by the database (one GROUP BY, a row per day and status)
/// rather than by loading every recording of the window. The day of a timestamp is spelled per database:
/// SQLite keeps ISO text (<c>date()</c>), PostgreSQL a <c>timestamptz</c> (taken in UTC).
/// </summary>
public static class RecordingsPerDay
{
    public static async Task<IReadOnlyList<RecordingDayCount>> CountAsync(CallVaultDbContext db, DateTime sinceUtc, CancellationToken cancellationToken)
    {
        var since = DateTime.SpecifyKind(sinceUtc.ToUniversalTime(), DateTimeKind.Utc);
        var rows = db.Database.IsNpgsql()
            ? db.Database.SqlQuery<Row>($"""
                SELECT ("CreatedAt" AT TIME ZONE 'UTC')::date AS "Day", "Status", count(*)::int AS "Count"
                FROM "Recordings" WHERE "CreatedAt" >= {since}
                GROUP BY 1, 2
                """)
            : db.Database.SqlQuery<Row>($"""
                SELECT date("CreatedAt") AS "Day", "Status", count(*) AS "Count"
                FROM "Recordings" WHERE "CreatedAt" >= {since}
                GROUP BY 1, 2
                """);
        var list = await rows.ToListAsync(cancellationToken);
        // Status is stored as the enum's name; a name this build does not know is left out rather than guessed.
        return [.. list.Where(r => Enum.IsDefined(typeof(RecordingStatus), r.Status))
            .Select(r => new RecordingDayCount(r.Day, Enum.Parse<RecordingStatus>(r.Status), r.Count))];
    }

    private sealed record Row(DateOnly Day, string Status, int Count);
}
