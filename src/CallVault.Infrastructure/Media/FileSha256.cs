using System.Security.Cryptography;

namespace CallVault.Infrastructure.Media;

/// <summary>SHA-256 and size of a local file, read once.</summary>
internal static class FileSha256
{
    public static async Task<(string Sha256, long Bytes)> ComputeAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 128 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var hash = await SHA256.HashDataAsync(file, cancellationToken);
        return (Convert.ToHexStringLower(hash), file.Length);
    }
}
