using CallVault.Core.Recordings;

namespace CallVault.Web.Recordings;

/// <summary>A recording's <c>summary</c> (SPEC §4): null until the summarize stage completed.</summary>
public sealed record SummaryDto(string Engine, string Text)
{
    public static SummaryDto? From(Recording r) =>
        r.SummaryText is { } text && r.Stages.Any(s => s.Stage == StageName.Summarize && s.Status == StageStatus.Completed)
            ? new SummaryDto(r.SummaryEngine ?? "unknown", text)
            : null;
}
