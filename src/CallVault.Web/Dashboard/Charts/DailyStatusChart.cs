using System.Globalization;
using CallVault.Core.Recordings;
using CallVault.Infrastructure.Statistics;

namespace CallVault.Web.Dashboard.Charts;

/// <summary>Recordings per day, stacked by status, laid out as SVG rectangles (drawn by the server, no script).</summary>
internal sealed record DailyStatusChart(IReadOnlyList<DailyStatusChart.Day> Days, int Max)
{
    public const double Width = 640;
    public const double Height = 220;
    public const double Left = 36;
    public const double Bottom = 24;
    public const double Top = 8;

    /// <summary>Stacking order, bottom up; each maps to a colour class.</summary>
    public static readonly RecordingStatus[] Order = [RecordingStatus.Stored, RecordingStatus.Processing, RecordingStatus.Awaiting, RecordingStatus.Failed, RecordingStatus.Absent, RecordingStatus.Deleted];

    /// <summary>The last <paramref name="days"/> days up to <paramref name="lastDay"/>, from counts per day and status (days without any are empty).</summary>
    public static DailyStatusChart Build(IEnumerable<RecordingDayCount> counted, DateOnly lastDay, int days)
    {
        var counts = counted.GroupBy(c => (c.Day, c.Status)).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        var list = Enumerable.Range(0, days).Select(i => lastDay.AddDays(i - days + 1))
            .Select(d => new Day(d, Order.Select(s => (s, counts.GetValueOrDefault((d, s)))).Where(x => x.Item2 > 0).ToList()))
            .ToList();
        return new DailyStatusChart(list, Math.Max(1, list.Max(d => d.Total)));
    }

    public double PlotHeight => Height - Bottom - Top;

    public double Slot => (Width - Left) / Days.Count;

    public IEnumerable<Segment> Segments()
    {
        for (var i = 0; i < Days.Count; i++)
        {
            var y = Height - Bottom;
            foreach (var (status, count) in Days[i].Counts)
            {
                var h = count / (double)Max * PlotHeight;
                y -= h;
                yield return new Segment(Left + (i * Slot) + (Slot * 0.15), y, Slot * 0.7, h, status, count, Days[i].Date);
            }
        }
    }

    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string ClassOf(RecordingStatus status) => "s-" + status.ToString().ToLowerInvariant();

    internal sealed record Day(DateOnly Date, IReadOnlyList<(RecordingStatus Status, int Count)> Counts)
    {
        public int Total => Counts.Sum(c => c.Count);
    }

    internal sealed record Segment(double X, double Y, double W, double H, RecordingStatus Status, int Count, DateOnly Date);
}
