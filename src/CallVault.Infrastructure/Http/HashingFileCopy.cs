using System.Buffers;
using System.Security.Cryptography;
using CallVault.Infrastructure.Twilio;

namespace CallVault.Infrastructure.Http;

/// <summary>
/// Copies a response body into a file while hashing it (SHA-256), never holding more than one buffer:
/// a cap on the bytes, a stall timeout on each read, and the Content-Length checked at the end.
/// </summary>
internal static class HashingFileCopy
{
    private const int BufferSize = 128 * 1024;

    /// <returns>The bytes written and their lowercase hex SHA-256.</returns>
    /// <exception cref="MediaTransferException">Cut, stalled, truncated or empty: another try may work.</exception>
    /// <exception cref="MediaRefusedException">Over the size cap.</exception>
    public static async Task<(long Bytes, string Sha256)> CopyAsync(
        Stream body, string destinationPath, long? expectedLength, DownloadPolicy policy, TimeProvider time, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            await using var file = new FileStream(destinationPath, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            using var stall = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stall.Token);
            long total = 0;
            try
            {
                while (true)
                {
                    stall.CancelAfter(policy.StallTimeout);
                    var read = await body.ReadAsync(buffer.AsMemory(0, BufferSize), linked.Token);
                    if (read == 0)
                    {
                        break;
                    }

                    total += read;
                    if (total > policy.MaxBytes)
                    {
                        throw new MediaRefusedException($"media exceeds the {policy.MaxBytes}-byte limit");
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException
                || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                throw new MediaTransferException(stall.IsCancellationRequested
                    ? $"media stalled after {total} bytes (nothing for {policy.StallTimeout.TotalSeconds:0} s)"
                    : $"connection lost after {total} bytes of media");
            }

            if (expectedLength is { } length && length != total)
            {
                throw new MediaTransferException($"truncated media: received {total} of {length} bytes");
            }

            if (total == 0)
            {
                throw new MediaTransferException("empty media response");
            }

            await file.FlushAsync(cancellationToken);
            return (total, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
