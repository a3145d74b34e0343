using CallVault.Web.Calls;

namespace CallVault.Web.Dashboard;

/// <summary>A list of calls for the calls and leads pages; <paramref name="Live"/> lets new calls be inserted at the top.</summary>
internal sealed record CallTable(IReadOnlyList<CallListItemDto> Calls, bool Live, string EmptyMessage);
