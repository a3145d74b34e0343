namespace CallVault.Web.Alerts;

/// <summary>An alert as the API shows it; <c>status</c> is <c>firing</c> or <c>resolved</c>.</summary>
public sealed record AlertDto(
    Guid Id,
    string Rule,
    string Subject,
    string Severity,
    string Status,
    string Message,
    double Value,
    double Threshold,
    DateTime RaisedAt,
    DateTime? ResolvedAt,
    DateTime? RaiseSentAt,
    DateTime? ResolveSentAt,
    string? LastDeliveryError);
