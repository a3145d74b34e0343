using CallVault.Infrastructure.Persistence;
using CallVault.Web.Api;
using CallVault.Web.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Web.Recordings;

/// <summary>Admin-only views and actions on one recording: the download audit trail and legal hold.</summary>
internal static class RecordingAdminEndpoints
{
    private const int MaxReasonLength = 500;

    public static IEndpointRouteBuilder MapRecordingAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/recordings/{id:guid}").WithTags("Recordings").RequireAuthorization(Roles.CanAdmin);
        group.MapGet("/downloads", DownloadsAsync);
        group.MapPut("/legal-hold", SetHoldAsync);
        group.MapDelete("/legal-hold", ClearHoldAsync);
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<DownloadAuditDto>>, ProblemHttpResult>> DownloadsAsync(
        Guid id, CallVaultDbContext db, int? limit, CancellationToken cancellationToken)
    {
        if (!ListLimits.TryNormalize(limit, out var take))
        {
            return ApiProblems.BadLimit();
        }

        if (!await db.Recordings.AnyAsync(r => r.Id == id, cancellationToken))
        {
            return ApiProblems.NotFound("recording");
        }

        var rows = await db.DownloadAudits.AsNoTracking().Where(a => a.RecordingId == id).OrderByDescending(a => a.Id).Take(take).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<DownloadAuditDto>>([.. rows.Select(DownloadAuditDto.FromEntity)]);
    }

    internal static async Task<Results<Ok<RecordingDto>, ProblemHttpResult>> SetHoldAsync(
        Guid id, LegalHoldRequest? request, HttpContext context, CallVaultDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (request?.Reason is { Length: > MaxReasonLength })
        {
            return ApiProblems.BadRequest($"reason is limited to {MaxReasonLength} characters.");
        }

        var recording = await db.Recordings.Include(r => r.Stages).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (recording is null)
        {
            return ApiProblems.NotFound("recording");
        }

        recording.LegalHold = true;
        recording.LegalHoldReason = request?.Reason;
        recording.LegalHoldBy = Actors.Of(context.User);
        recording.LegalHoldAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(RecordingDto.FromEntity(recording));
    }

    internal static async Task<Results<Ok<RecordingDto>, ProblemHttpResult>> ClearHoldAsync(
        Guid id, HttpContext context, CallVaultDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var recording = await db.Recordings.Include(r => r.Stages).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (recording is null)
        {
            return ApiProblems.NotFound("recording");
        }

        recording.LegalHold = false;
        recording.LegalHoldReason = null;
        recording.LegalHoldBy = Actors.Of(context.User);
        recording.LegalHoldAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(RecordingDto.FromEntity(recording));
    }
}
