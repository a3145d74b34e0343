namespace CallVault.Web.Imports;

/// <summary>Body of <c>POST /api/imports</c>; dates as text so a bad one gets a clear 400.</summary>
internal sealed record ImportRequest(string? Provider, string? From, string? To);
