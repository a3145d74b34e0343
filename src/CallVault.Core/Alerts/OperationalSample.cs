namespace CallVault.Core.Alerts;

/// <summary>
/// Counts one instance saw since its previous sample (store attempts, store failures, signature
/// failures): summed over a window, they give the rates alerts compare across every instance.
/// </summary>
public sealed class OperationalSample
{
    public long Id { get; set; }
    public required string Instance { get; set; }
    public required string Signal { get; set; }
    public long Count { get; set; }
    public DateTime RecordedAt { get; set; }
}
