using CallVault.Web.Calls;

namespace CallVault.Web.Dashboard;

internal sealed record LegBar(CallLegDto Leg, double LeftPercent, double WidthPercent, double OffsetSeconds);
