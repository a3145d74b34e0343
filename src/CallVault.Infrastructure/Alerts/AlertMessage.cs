namespace CallVault.Infrastructure.Alerts;

/// <summary>The JSON body sent to the alert webhook (camelCase).</summary>
public sealed record AlertMessage(
    string Text,
    string Status,
    Guid Id,
    string Rule,
    string Subject,
    string Severity,
    string Message,
    double Value,
    double Threshold,
    DateTime RaisedAt,
    DateTime? ResolvedAt);
