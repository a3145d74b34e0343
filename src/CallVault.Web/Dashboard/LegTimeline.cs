using CallVault.Web.Calls;

namespace CallVault.Web.Dashboard;

/// <summary>Where each leg of a call sits in time, as percentages of the whole call, for a small timeline.</summary>
internal sealed record LegTimeline(IReadOnlyList<LegBar> Bars)
{
    public static LegTimeline For(CallDto call)
    {
        var starts = call.Legs.Select(l => l.StartedAt).OfType<DateTime>().Append(call.StartedAt).ToList();
        var start = starts.Min();
        var ends = call.Legs.Select(l => l.EndedAt ?? l.StartedAt?.AddSeconds(l.DurationSeconds ?? 0)).OfType<DateTime>()
            .Append(call.EndedAt ?? call.StartedAt.AddSeconds(call.DurationSeconds ?? 0)).ToList();
        var span = Math.Max(1, (ends.Max() - start).TotalSeconds);
        var bars = call.Legs.Select(leg =>
        {
            var legStart = leg.StartedAt ?? start;
            var legEnd = leg.EndedAt ?? (leg.DurationSeconds is { } d ? legStart.AddSeconds(d) : start.AddSeconds(span));
            var left = Math.Clamp((legStart - start).TotalSeconds / span * 100, 0, 100);
            var width = Math.Clamp((legEnd - legStart).TotalSeconds / span * 100, 2, 100 - left);
            return new LegBar(leg, Math.Round(left, 1), Math.Round(width, 1), (legStart - start).TotalSeconds);
        }).ToList();
        return new LegTimeline(bars);
    }
}
