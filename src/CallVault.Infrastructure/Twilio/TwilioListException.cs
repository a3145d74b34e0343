namespace CallVault.Infrastructure.Twilio;

/// <summary>The Recordings list could not be read even after retries (or the answer was not a list).</summary>
public sealed class TwilioListException(string message) : Exception(message);
