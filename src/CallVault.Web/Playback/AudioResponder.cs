using CallVault.Core.Recordings;
using CallVault.Infrastructure.Playback;
using CallVault.Infrastructure.Storage;
using CallVault.Web.Recordings;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallVault.Web.Playback;

/// <summary>
/// Serves a stored recording's audio with HTTP Range support, and writes the fetch to the audit
/// trail: who, from where, which bytes, how many were sent.
/// </summary>
internal sealed class AudioResponder(IRecordingStorage storage, DownloadAuditLog audit)
{
    public async Task<Results<FileStreamHttpResult, ProblemHttpResult>> RespondAsync(
        HttpContext context, Recording recording, string actor, string via, CancellationToken cancellationToken)
    {
        if (recording.Status != RecordingStatus.Stored || recording.StorageKey is null)
        {
            return TypedResults.Problem($"The recording is {recording.Status.ToString().ToLowerInvariant()}; its audio is not available.",
                statusCode: StatusCodes.Status409Conflict, title: "Audio not available");
        }

        var stored = await storage.OpenReadAsync(recording.StorageKey, cancellationToken);
        if (stored is null)
        {
            return TypedResults.Problem("The stored object is missing; reconciliation will report it.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Audio missing from storage");
        }

        var counting = new CountingReadStream(stored);
        var auditId = await audit.StartAsync(AuditEntries.ForRequest(context, recording.Id, actor, via), cancellationToken);
        context.Response.OnCompleted(() => audit.FinishAsync(auditId, counting.BytesRead, context.Response.StatusCode, CancellationToken.None));
        return TypedResults.Stream(counting, ContentTypes.For(recording.Format), $"{recording.Id:N}.{recording.Format}", enableRangeProcessing: true);
    }
}
