namespace CallVault.Web.Alerts;

public sealed record AlertList(IReadOnlyList<AlertDto> Items);
