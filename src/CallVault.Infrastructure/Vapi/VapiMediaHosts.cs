namespace CallVault.Infrastructure.Vapi;

/// <summary>
/// The allow-list of hosts a Vapi recording URL may be fetched from: an exact, case-insensitive
/// match of <c>host</c> (default port) or <c>host:port</c>; https only, plain http only for a listed
/// loopback host. A webhook never makes CallVault fetch from wherever it says.
/// </summary>
public static class VapiMediaHosts
{
    public static bool IsAllowed(Uri uri, IEnumerable<string> allowedHosts)
    {
        if (!uri.IsAbsoluteUri || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return false;
        }

        var secure = uri.Scheme == Uri.UriSchemeHttps;
        if (!secure && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        {
            return false;
        }

        var authority = AuthorityOf(uri);
        return allowedHosts.Any(h => string.Equals(h.Trim(), authority, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>True when <paramref name="entry"/> is a bare <c>host</c> or <c>host:port</c> (no scheme, path or user).</summary>
    public static bool IsWellFormedEntry(string entry) =>
        !string.IsNullOrWhiteSpace(entry)
        && Uri.TryCreate($"https://{entry.Trim()}/", UriKind.Absolute, out var uri)
        && string.IsNullOrEmpty(uri.UserInfo)
        && string.Equals(AuthorityOf(uri), entry.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string AuthorityOf(Uri uri)
    {
        var host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host : uri.IdnHost;
        return uri.IsDefaultPort ? host : $"{host}:{uri.Port}";
    }
}
