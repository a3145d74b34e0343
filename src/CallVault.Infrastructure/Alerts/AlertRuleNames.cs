namespace CallVault.Infrastructure.Alerts;

public static class AlertRuleNames
{
    public const string StoreFailureRate = "store-failure-rate";
    public const string RetriesExhausted = "retries-exhausted";
    public const string OrphansFound = "orphans-found";
    public const string CallsWithoutRecording = "calls-without-recording";
    public const string SignatureFailures = "signature-failures";
}
