namespace CallVault.Infrastructure.Twilio;

/// <summary>A download that retrying cannot fix (a forbidden host, a size over the limit, a 4xx).</summary>
internal sealed class MediaRefusedException(string message) : Exception(message);
