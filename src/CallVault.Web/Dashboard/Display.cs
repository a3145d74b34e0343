using System.Globalization;
using CallVault.Core.Recordings;

namespace CallVault.Web.Dashboard;

/// <summary>How values read on the pages: badge colours, durations, times (UTC, sortable).</summary>
internal static class Display
{
    /// <summary>Green completed, yellow in progress, red failed, grey pending or skipped.</summary>
    public static string BadgeClass(StageStatus status) => status switch
    {
        StageStatus.Completed => "badge ok",
        StageStatus.Processing => "badge busy",
        StageStatus.Failed => "badge bad",
        _ => "badge idle",
    };

    public static string BadgeClass(RecordingStatus status) => status switch
    {
        RecordingStatus.Stored => "badge ok",
        RecordingStatus.Processing or RecordingStatus.Awaiting => "badge busy",
        RecordingStatus.Failed => "badge bad",
        _ => "badge idle",
    };

    public static string Word(StageStatus status) => status.ToString().ToLowerInvariant();

    public static string Word(RecordingStatus status) => status.ToString().ToLowerInvariant();

    public static string StageLabel(string stage) => stage switch
    {
        "providerDelete" => "provider delete",
        _ => stage,
    };

    public static string Duration(double? seconds)
    {
        if (seconds is not { } s || s < 0)
        {
            return "—";
        }

        var span = TimeSpan.FromSeconds(Math.Round(s));
        return span.TotalHours >= 1
            ? span.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
            : span.ToString(@"m\:ss", CultureInfo.InvariantCulture);
    }

    public static string When(DateTime? at) =>
        at is { } value ? value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";

    public static string Iso(DateTime at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static string Seconds(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Clock(double seconds) =>
        TimeSpan.FromSeconds(Math.Floor(seconds)).ToString(seconds >= 3600 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture);
}
