namespace CallVault.Web.Api;

/// <summary>A page of a keyset-paginated list.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
