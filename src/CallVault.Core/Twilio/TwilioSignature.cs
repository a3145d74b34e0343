using System.Security.Cryptography;
using System.Text;

namespace CallVault.Core.Twilio;

/// <summary>
/// Twilio's <c>X-Twilio-Signature</c>: HMAC-SHA1 keyed with the auth token over the full URL
/// followed by every POST parameter, sorted by name (ordinal), as name + value.
/// </summary>
public static class TwilioSignature
{
    public const string HeaderName = "X-Twilio-Signature";

    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(authToken);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(parameters);

        var sorted = parameters
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        var data = new StringBuilder(url);
        foreach (var (name, value) in sorted)
        {
            data.Append(name).Append(value);
        }

        var mac = HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString()));
        return Convert.ToBase64String(mac);
    }

    /// <summary>
    /// Checks a signature the way Twilio's official validators do: the URL as given, then with the
    /// default port added or removed. Comparison is constant-time.
    /// </summary>
    public static bool IsValid(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters, string? signature)
    {
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(authToken))
        {
            return false;
        }

        var materialized = parameters.ToList();
        foreach (var candidate in UrlVariants(url))
        {
            if (FixedTimeEquals(Compute(authToken, candidate, materialized), signature))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// JSON bodies: the signature covers the URL only (which carries <c>bodySHA256</c> in its query),
    /// and the hash of the raw body must equal that query value.
    /// </summary>
    public static bool IsValidJsonBody(string authToken, string url, ReadOnlySpan<byte> body, string? signature)
    {
        var expectedHash = QueryValue(url, "bodySHA256");
        if (expectedHash is null || !FixedTimeEquals(BodySha256(body), expectedHash))
        {
            return false;
        }

        return IsValid(authToken, url, [], signature);
    }

    public static string BodySha256(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));

    internal static IEnumerable<string> UrlVariants(string url)
    {
        yield return url;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            yield break;
        }

        var defaultPort = uri.Scheme switch
        {
            "https" => 443,
            "http" => 80,
            _ => -1,
        };
        if (defaultPort < 0)
        {
            yield break;
        }

        // Rebuild from the original text so host, user-info and path casing stay as sent.
        var authorityStart = url.IndexOf("://", StringComparison.Ordinal) + 3;
        var pathStart = url.IndexOfAny(['/', '?', '#'], authorityStart);
        var authority = pathStart < 0 ? url[authorityStart..] : url[authorityStart..pathStart];
        var rest = pathStart < 0 ? string.Empty : url[pathStart..];
        var prefix = url[..authorityStart];
        var at = authority.LastIndexOf('@');
        var hostPort = at < 0 ? authority : authority[(at + 1)..];
        var userInfo = at < 0 ? string.Empty : authority[..(at + 1)];
        var colon = hostPort.LastIndexOf(':');
        var hasPort = colon >= 0 && !hostPort.EndsWith(']');

        if (hasPort)
        {
            if (hostPort[(colon + 1)..] == defaultPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                yield return prefix + userInfo + hostPort[..colon] + rest;
            }
        }
        else
        {
            yield return prefix + userInfo + hostPort + ":" + defaultPort.ToString(System.Globalization.CultureInfo.InvariantCulture) + rest;
        }
    }

    private static string? QueryValue(string url, string name)
    {
        var q = url.IndexOf('?', StringComparison.Ordinal);
        if (q < 0)
        {
            return null;
        }

        foreach (var pair in url[(q + 1)..].Split('&'))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && pair[..eq] == name)
            {
                return Uri.UnescapeDataString(pair[(eq + 1)..]);
            }
        }

        return null;
    }

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
