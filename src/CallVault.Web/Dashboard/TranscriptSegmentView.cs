namespace CallVault.Web.Dashboard;

internal sealed record TranscriptSegmentView(double Start, double End, int? Channel, string? Speaker, string Text);
