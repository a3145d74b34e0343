using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CallVault.Infrastructure.Persistence;

namespace CallVault.Infrastructure.Playback;

/// <summary>
/// HMAC-SHA256 tokens for the signed playback route: <c>payload.mac</c>, both base64url. The key is
/// the service's own secret, shared by every instance through the database.
/// </summary>
public sealed class PlaybackTokenSigner(ServiceSecretStore secrets, TimeProvider time)
{
    private const string KeyName = "playback-signing-key";

    public async Task<string> SignAsync(PlaybackToken token, CancellationToken cancellationToken)
    {
        var minter = token.MintedBy.Replace('|', '/');
        var payload = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"{token.RecordingId:N}|{token.ExpiresAt.ToUnixTimeSeconds()}|{minter}"));
        var mac = HMACSHA256.HashData(await secrets.GetOrCreateAsync(KeyName, cancellationToken), payload);
        return $"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(mac)}";
    }

    /// <summary>The token's grant, or null with the reason when it is forged, malformed or expired.</summary>
    public async Task<(PlaybackToken? Token, string? Error)> VerifyAsync(string text, CancellationToken cancellationToken)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        byte[] payload, mac;
        try
        {
            payload = dot > 0 ? Base64Url.DecodeFromChars(text.AsSpan(0, dot)) : [];
            mac = dot > 0 ? Base64Url.DecodeFromChars(text.AsSpan(dot + 1)) : [];
        }
        catch (FormatException)
        {
            return (null, "malformed token");
        }

        var expected = HMACSHA256.HashData(await secrets.GetOrCreateAsync(KeyName, cancellationToken), payload);
        if (payload.Length == 0 || !CryptographicOperations.FixedTimeEquals(expected, mac))
        {
            return (null, "invalid signature");
        }

        var parts = Encoding.UTF8.GetString(payload).Split('|', 3);
        if (parts.Length != 3 || !Guid.TryParseExact(parts[0], "N", out var id)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var unix))
        {
            return (null, "malformed token");
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(unix);
        return time.GetUtcNow() >= expiresAt
            ? (null, "the playback URL has expired; ask for a fresh one")
            : (new PlaybackToken(id, expiresAt, parts[2]), null);
    }
}
