namespace CallVault.Core.Alerts;

public enum AlertSeverity
{
    Warning,
    Critical,
}
