namespace CallVault.Core.Alerts;

/// <summary>
/// One raise of an alert rule for one subject (a direction, or empty), and its resolution. At most
/// one open alert per rule and subject: that is the de-duplication. The delivery times say which
/// messages the alert webhook has received.
/// </summary>
public sealed class Alert
{
    public Guid Id { get; set; }
    public required string Rule { get; set; }
    public string Subject { get; set; } = "";
    public AlertSeverity Severity { get; set; }
    public required string Message { get; set; }
    public double Value { get; set; }
    public double Threshold { get; set; }
    public DateTime RaisedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? RaiseSentAt { get; set; }
    public DateTime? ResolveSentAt { get; set; }
    public int DeliveryAttempts { get; set; }
    public string? LastDeliveryError { get; set; }

    public bool IsOpen => ResolvedAt is null;
}
