using System.Text.Json;

namespace CallVault.Infrastructure.Reconciliation;

/// <summary>
/// One thing a run found: its kind (<c>missingMetadata</c>, <c>orphanObject</c>, …), what it is about
/// (a provider recording id, a storage key or a recording id) and what was done or why not.
/// </summary>
public sealed record ReconciliationFinding(string Kind, string Subject, string? Detail)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Serialize(IReadOnlyList<ReconciliationFinding> findings) => JsonSerializer.Serialize(findings, Json);

    /// <summary>The findings a run stored (empty for none or unreadable text).</summary>
    public static IReadOnlyList<ReconciliationFinding> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<ReconciliationFinding>>(json, Json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
