using CallVault.Core.Recordings;
using CallVault.Infrastructure.Ingestion;
using CallVault.Infrastructure.Statistics;
using CallVault.Infrastructure.Tests.TestSupport;

namespace CallVault.Infrastructure.Tests.Statistics;

/// <summary>The operations chart's recordings per day and status, counted by the database in use (both test passes).</summary>
public sealed class RecordingsPerDayTests
{
    [Fact]
    public async Task CountAsync_KnownRows_CountsPerUtcDayAndStatusFromTheWindowStart()
    {
        await using var t = await TestServices.StartAsync();
        var day = new DateTime(2026, 3, 10, 0, 0, 0, DateTimeKind.Utc);
        (DateTime CreatedAt, RecordingStatus Status)[] rows =
        [
            (day.AddDays(-1).AddHours(23).AddMinutes(59), RecordingStatus.Stored), // before the window
            (day, RecordingStatus.Stored),                                         // first instant of the window
            (day.AddHours(9), RecordingStatus.Stored),
            (day.AddHours(23).AddMinutes(59).AddSeconds(59), RecordingStatus.Failed), // last second of the day
            (day.AddDays(1), RecordingStatus.Stored),                              // midnight starts the next day
            (day.AddDays(1).AddHours(12), RecordingStatus.Processing),
            (day.AddDays(1).AddHours(13), RecordingStatus.Processing),
            (day.AddDays(3).AddHours(1), RecordingStatus.Absent),
        ];
        await t.ChangeAsync(db =>
        {
            foreach (var (createdAt, status) in rows)
            {
                var recording = RecordingFactory.Create("twilio", TestSids.Recording(), createdAt);
                recording.Status = status;
                db.Recordings.Add(recording);
            }

            return Task.CompletedTask;
        });

        var counts = await t.QueryAsync(db => RecordingsPerDay.CountAsync(db, day, t.Token));

        var first = DateOnly.FromDateTime(day);
        Assert.Equal(
            [
                (first, RecordingStatus.Failed, 1),
                (first, RecordingStatus.Stored, 2),
                (first.AddDays(1), RecordingStatus.Processing, 2),
                (first.AddDays(1), RecordingStatus.Stored, 1),
                (first.AddDays(3), RecordingStatus.Absent, 1),
            ],
            counts.Select(c => (c.Day, c.Status, c.Count)).OrderBy(c => c.Day).ThenBy(c => c.Status.ToString(), StringComparer.Ordinal));
    }

    [Fact]
    public async Task CountAsync_NoRecordings_IsEmpty()
    {
        await using var t = await TestServices.StartAsync();

        Assert.Empty(await t.QueryAsync(db => RecordingsPerDay.CountAsync(db, TestServices.Start.UtcDateTime, t.Token)));
    }
}
