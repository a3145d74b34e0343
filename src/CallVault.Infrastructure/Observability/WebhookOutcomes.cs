namespace CallVault.Infrastructure.Observability;

/// <summary>The <c>outcome</c> label of <c>callvault_webhooks_total</c>, from the status code answered.</summary>
public static class WebhookOutcomes
{
    public const string Accepted = "accepted";
    public const string SignatureFailed = "signature_failed";
    public const string Invalid = "invalid";
    public const string Unavailable = "unavailable";
    public const string Failed = "failed";

    public static string ForStatus(int status) => status switch
    {
        < 400 => Accepted,
        401 or 403 => SignatureFailed,
        503 => Unavailable,
        < 500 => Invalid,
        _ => Failed,
    };
}
