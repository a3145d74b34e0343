using System.Security.Cryptography;
using System.Text;

namespace CallVault.Infrastructure.Access;

/// <summary>
/// Keys look like <c>cvk_PREFIX_SECRET</c>: the 8-character prefix finds the row (and names the key
/// in lists and logs), the 256-bit secret makes a plain SHA-256 a safe way to store it.
/// </summary>
internal static class ApiKeyFormat
{
    public const string Marker = "cvk_";
    public const int PrefixLength = 8;
    private const string PrefixAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public static (string Key, string Prefix) Generate()
    {
        var prefix = RandomNumberGenerator.GetString(PrefixAlphabet, PrefixLength);
        var secret = Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return ($"{Marker}{prefix}_{secret}", prefix);
    }

    /// <summary>The prefix of something shaped like a key, or null (then it is no issued key).</summary>
    public static string? PrefixOf(string presented) =>
        presented.Length > Marker.Length + PrefixLength + 1
        && presented.StartsWith(Marker, StringComparison.Ordinal)
        && presented[Marker.Length + PrefixLength] == '_'
            ? presented.Substring(Marker.Length, PrefixLength)
            : null;

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static bool HashMatches(string presented, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Hash(presented)),
            Encoding.ASCII.GetBytes(storedHash));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
