using System.Text.Json;
using CallVault.Core.Audio;
using CallVault.Infrastructure.Ingestion;
using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Uploads;
using CallVault.Web.Api;
using CallVault.Web.Recordings;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CallVault.Web.Uploads;

/// <summary>
/// <c>POST /api/recordings</c> (admin): a recording uploaded as <c>multipart/form-data</c>. The file
/// is streamed to the staging folder under a name made from the new recording's id, checked to be
/// audio, then the recording is written through the ingestion writer and the pipeline stores it.
/// 201 for a new recording; 200 with the existing one when provider and provider recording id are
/// already known (nothing new is kept). Whatever is not accepted leaves no staged file behind.
/// </summary>
internal static class UploadEndpoint
{
    /// <summary>Room for the text fields and part headers on top of the file itself.</summary>
    public const long FormAllowanceBytes = 1024 * 1024;

    public static async Task<Results<Created<RecordingDto>, Ok<RecordingDto>, ProblemHttpResult>> HandleAsync(
        HttpContext context,
        IngestionWriter writer,
        StagedUploads staged,
        IOptions<UploadOptions> options,
        CallVaultDbContext db,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var maxBytes = options.Value.MaxBytes;
        var bodyLimit = maxBytes + FormAllowanceBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            // Kestrel's global limit is for webhooks; this endpoint alone takes files up to MaxBytes.
            limit.MaxRequestBodySize = bodyLimit;
        }

        if (context.Request.ContentLength > bodyLimit)
        {
            return MultipartUploadReader.TooLarge(maxBytes);
        }

        if (!MultipartUploadReader.TryGetBoundary(context.Request, out var boundary))
        {
            return TypedResults.Problem("Send multipart/form-data with a 'file' part and the recording's fields.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type");
        }

        var recordingId = Guid.CreateVersion7(time.GetUtcNow());
        var path = staged.PathFor(recordingId);
        var keep = false;
        try
        {
            var (upload, error) = await MultipartUploadReader.ReadAsync(context.Request.Body, boundary, path, maxBytes, cancellationToken);
            if (upload is null)
            {
                return error!;
            }

            if (!UploadFields.TryParse(upload.Fields, out var metadata, out var fieldError))
            {
                return ApiProblems.BadRequest(fieldError);
            }

            if (!upload.HasFile)
            {
                return ApiProblems.BadRequest("The 'file' part with the recording's audio is required.");
            }

            var inspection = await InspectAsync(path, cancellationToken);
            if (inspection is AudioInspection.Invalid invalid)
            {
                return TypedResults.Problem($"The file is not usable audio: {invalid.Reason}.",
                    statusCode: StatusCodes.Status422UnprocessableEntity, title: "Invalid audio");
            }

            var file = new StagedUploadFile(recordingId, upload.Bytes, upload.Sha256!, ((AudioInspection.Valid)inspection).Info);

            // Not cancelled with the request: once queued, the write may commit, and then the staged file must stay.
            var result = await writer.WriteAsync(new UploadIngestCommand(metadata, file, RawFields(upload)), CancellationToken.None);
            keep = !result.Duplicate;
            var recording = await db.Recordings.AsNoTracking().Include(r => r.Stages)
                .FirstAsync(r => r.Id == result.RecordingId, cancellationToken);
            var dto = RecordingDto.FromEntity(recording);
            return result.Duplicate ? TypedResults.Ok(dto) : TypedResults.Created($"/api/recordings/{recording.Id}", dto);
        }
        finally
        {
            if (!keep)
            {
                staged.Delete(recordingId);
            }
        }
    }

    private static async Task<AudioInspection> InspectAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous);
        return await AudioInspector.InspectAsync(stream, cancellationToken);
    }

    /// <summary>The raw event kept for the upload: the form fields as sent and what the file was, never the audio.</summary>
    private static string RawFields(ReceivedUpload upload) => JsonSerializer.Serialize(new
    {
        fields = upload.Fields,
        file = new { name = upload.FileName is { Length: > 256 } name ? name[..256] : upload.FileName, bytes = upload.Bytes, sha256 = upload.Sha256 },
    });
}
