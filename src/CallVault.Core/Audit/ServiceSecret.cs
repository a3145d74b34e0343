namespace CallVault.Core.Audit;

/// <summary>A secret the service generates for itself once and shares between instances through the database.</summary>
public sealed class ServiceSecret
{
    public required string Name { get; set; }
    public required string Value { get; set; }
    public DateTime CreatedAt { get; set; }
}
