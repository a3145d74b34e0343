namespace CallVault.Core.Webhooks;

/// <summary>A provider callback exactly as received, kept before anything else happens to it.</summary>
public sealed class InboundEvent
{
    public long Id { get; set; }
    public required string Provider { get; set; }
    public required string Kind { get; set; }

    /// <summary>Identifies a delivery so that a repeated one changes nothing.</summary>
    public required string DedupeKey { get; set; }
    public required string ContentType { get; set; }
    public required string Body { get; set; }
    public DateTime ReceivedAt { get; set; }
}
