using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using CallVault.Web.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace CallVault.Web.Uploads;

/// <summary>
/// Reads a <c>multipart/form-data</c> body section by section straight from the request stream:
/// text fields are kept (bounded), the <c>file</c> part is streamed to the staging file through one
/// pooled buffer while it is hashed. Nothing is buffered whole; a file over the limit stops the read.
/// </summary>
internal static class MultipartUploadReader
{
    public const string FilePart = "file";
    private const int MaxParts = 32;
    private const int MaxFieldBytes = 4096;
    private const int BufferSize = 128 * 1024;

    public static bool TryGetBoundary(HttpRequest request, out string boundary)
    {
        boundary = string.Empty;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).ToString();
        return boundary.Length is > 0 and <= 70;
    }

    public static async Task<(ReceivedUpload? Upload, ProblemHttpResult? Error)> ReadAsync(
        Stream body, string boundary, string stagingPath, long maxFileBytes, CancellationToken cancellationToken)
    {
        var reader = new MultipartReader(boundary, body) { HeadersCountLimit = 16, HeadersLengthLimit = 16 * 1024 };
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        (string? Name, long Bytes, string Sha256)? file = null;
        var parts = 0;
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (++parts > MaxParts)
                {
                    return (null, ApiProblems.BadRequest($"At most {MaxParts} form parts are accepted."));
                }

                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)
                    || HeaderUtilities.RemoveQuotes(disposition.Name).ToString() is not { Length: > 0 } name)
                {
                    return (null, ApiProblems.BadRequest("Every part needs Content-Disposition: form-data with a name."));
                }

                if (name == FilePart)
                {
                    if (file is not null)
                    {
                        return (null, ApiProblems.BadRequest("Send exactly one file part."));
                    }

                    var staged = await StageAsync(section.Body, stagingPath, maxFileBytes, cancellationToken);
                    if (staged is null)
                    {
                        return (null, TooLarge(maxFileBytes));
                    }

                    file = (HeaderUtilities.RemoveQuotes(disposition.FileName).ToString(), staged.Value.Bytes, staged.Value.Sha256);
                }
                else
                {
                    var value = await ReadFieldAsync(section.Body, cancellationToken);
                    if (value is null)
                    {
                        return (null, ApiProblems.BadRequest($"The field '{Shorten(name)}' is longer than {MaxFieldBytes} bytes."));
                    }

                    if (!fields.TryAdd(name, value))
                    {
                        return (null, ApiProblems.BadRequest($"The field '{Shorten(name)}' is sent more than once."));
                    }
                }
            }
        }
        catch (InvalidDataException ex)
        {
            return (null, ApiProblems.BadRequest($"The multipart body is malformed: {ex.Message}"));
        }

        return (new ReceivedUpload(fields, file is not null, file?.Name, file?.Bytes ?? 0, file?.Sha256), null);
    }

    public static ProblemHttpResult TooLarge(long maxFileBytes) =>
        TypedResults.Problem($"Uploads are limited to {maxFileBytes} bytes (CallVault:Upload:MaxBytes).",
            statusCode: StatusCodes.Status413PayloadTooLarge, title: "Upload too large");

    /// <summary>Copies the file part to the staging file, flushed to the device; null when it exceeds the limit.</summary>
    private static async Task<(long Bytes, string Sha256)?> StageAsync(Stream source, string path, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    return null;
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            await file.FlushAsync(cancellationToken);
            file.Flush(flushToDisk: true);
            return (total, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<string?> ReadFieldAsync(Stream source, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxFieldBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await source.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
        }

        return total > MaxFieldBytes ? null : Encoding.UTF8.GetString(buffer, 0, total);
    }

    private static string Shorten(string name) => name.Length > 40 ? name[..40] + "…" : name;
}
