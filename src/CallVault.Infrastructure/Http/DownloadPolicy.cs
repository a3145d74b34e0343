namespace CallVault.Infrastructure.Http;

/// <summary>What one streamed download may do.</summary>
/// <param name="IsAllowed">Checked for the first URL and for every redirect before it is requested.</param>
/// <param name="MaxBytes">Refused when the Content-Length or the bytes received go past it.</param>
/// <param name="StallTimeout">No response headers, or no bytes, for this long: abandoned as a transient failure.</param>
/// <param name="MaxRedirects">Redirects followed (by hand, each hop checked).</param>
public sealed record DownloadPolicy(Func<Uri, bool> IsAllowed, long MaxBytes, TimeSpan StallTimeout, int MaxRedirects = 3);
