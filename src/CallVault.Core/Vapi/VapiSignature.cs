using System.Security.Cryptography;
using System.Text;

namespace CallVault.Core.Vapi;

/// <summary>
/// Vapi's HMAC credential: lowercase hex HMAC-SHA256, keyed with the shared secret (UTF-8), over
/// <c>{timestamp}.{raw body}</c>. Compared in constant time.
/// </summary>
public static class VapiSignature
{
    public static string Compute(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp + ".");
        var payload = new byte[prefix.Length + body.Length];
        prefix.CopyTo(payload, 0);
        body.CopyTo(payload.AsSpan(prefix.Length));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), payload));
    }

    /// <summary>True when <paramref name="signature"/> (hex, any case, optionally <c>sha256=</c>-prefixed) matches.</summary>
    public static bool IsValid(string secret, string timestamp, ReadOnlySpan<byte> body, string? signature)
    {
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var hex = signature.Trim();
        if (hex.StartsWith("sha256=", StringComparison.OrdinalIgnoreCase))
        {
            hex = hex["sha256=".Length..];
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return false;
        }

        var expected = Convert.FromHexString(Compute(secret, timestamp, body));
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>Equality of two secrets in constant time (for a given length), for bearer and secret headers.</summary>
    public static bool SecretEquals(string expected, string? given) =>
        given is not null
        && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)),
            SHA256.HashData(Encoding.UTF8.GetBytes(given)));
}
