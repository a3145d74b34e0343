namespace CallVault.Infrastructure.Twilio;

/// <summary>A download attempt that may succeed if tried again (404 right after completion, 429, 5xx, a cut connection).</summary>
internal sealed class MediaTransferException(string message, TimeSpan? retryAfter = null) : Exception(message)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
