using CallVault.Core.Alerts;

namespace CallVault.Infrastructure.Alerts;

/// <summary>One rule's verdict for one subject at this tick.</summary>
public sealed record AlertCondition(string Rule, string Subject, AlertSeverity Severity, bool Firing, double Value, double Threshold, string Message);
