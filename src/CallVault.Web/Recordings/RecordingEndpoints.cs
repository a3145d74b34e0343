using CallVault.Core.Recordings;
using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Pipeline;
using CallVault.Web.Api;
using CallVault.Web.Auth;
using CallVault.Web.Uploads;
using CallVault.Web.Playback;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Web.Recordings;

internal static class RecordingEndpoints
{
    public static IEndpointRouteBuilder MapRecordingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/recordings").WithTags("Recordings").RequireAuthorization(Roles.CanView);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapGet("/{id:guid}/audio", GetAudioAsync);
        group.MapPost("/{id:guid}/retry", RetryAsync).RequireAuthorization(Roles.CanAdmin);
        group.MapPost("/", UploadEndpoint.HandleAsync).RequireAuthorization(Roles.CanAdmin);
        return app;
    }

    private static async Task<Results<Ok<Page<RecordingDto>>, ProblemHttpResult>> ListAsync(
        CallVaultDbContext db, string? provider, string? providerRecordingId, string? status, bool? unmatched, string? cursor, int? limit,
        CancellationToken cancellationToken)
    {
        if (!ListLimits.TryNormalize(limit, out var take))
        {
            return ApiProblems.BadLimit();
        }

        if (!Cursor.TryDecode(cursor, out var after))
        {
            return ApiProblems.BadCursor();
        }

        RecordingStatus? statusFilter = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<RecordingStatus>(status, ignoreCase: true, out var parsed) || int.TryParse(status, out _))
            {
                return ApiProblems.BadRequest("status must be one of awaiting, processing, stored, failed, absent.");
            }

            statusFilter = parsed;
        }

        var query = db.Recordings.AsNoTracking().Include(r => r.Stages).AsQueryable();
        if (!string.IsNullOrEmpty(provider))
        {
            query = query.Where(r => r.Provider == provider);
        }

        if (!string.IsNullOrEmpty(providerRecordingId))
        {
            query = query.Where(r => r.ProviderRecordingId == providerRecordingId);
        }

        if (unmatched is { } onlyUnmatched)
        {
            query = onlyUnmatched ? query.Where(r => r.CallId == null) : query.Where(r => r.CallId != null);
        }

        if (statusFilter is { } s)
        {
            query = query.Where(r => r.Status == s);
        }

        if (after is not null)
        {
            // "<=" first: an index seek on both databases (see the calls list).
            query = query.Where(r => r.CreatedAt <= after.At && (r.CreatedAt < after.At || r.Id.CompareTo(after.Id) < 0));
        }

        var rows = await query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(take + 1).AsSplitQuery().ToListAsync(cancellationToken);
        var next = rows.Count > take ? new Cursor(rows[take - 1].CreatedAt, rows[take - 1].Id).Encode() : null;
        return TypedResults.Ok(new Page<RecordingDto>([.. rows.Take(take).Select(RecordingDto.FromEntity)], next));
    }

    private static async Task<Results<Ok<RecordingDto>, ProblemHttpResult>> GetAsync(Guid id, CallVaultDbContext db, CancellationToken cancellationToken)
    {
        var recording = await db.Recordings.AsNoTracking().Include(r => r.Stages).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return recording is null ? ApiProblems.NotFound("recording") : TypedResults.Ok(RecordingDto.FromEntity(recording));
    }

    internal static async Task<Results<Accepted<RecordingDto>, ProblemHttpResult>> RetryAsync(
        Guid id, string? stage, RecordingRetry retry, CallVaultDbContext db, CancellationToken cancellationToken)
    {
        StageName? only = null;
        if (!string.IsNullOrEmpty(stage))
        {
            if (!StageNames.TryParse(stage, out var parsed))
            {
                return ApiProblems.BadRequest("stage must be one of download, validate, transcode, store, transcribe, summarize, providerDelete.");
            }

            only = parsed;
        }

        switch (await retry.RetryAsync(id, only, cancellationToken))
        {
            case RecordingRetry.Outcome.NotFound:
                return ApiProblems.NotFound("recording");
            case RecordingRetry.Outcome.NothingToRetry:
                return TypedResults.Problem(only is null ? "No stage of this recording has failed." : $"The {stage} stage has not failed.",
                    statusCode: StatusCodes.Status409Conflict, title: "Nothing to retry");
            default:
                var recording = await db.Recordings.AsNoTracking().Include(r => r.Stages).FirstAsync(r => r.Id == id, cancellationToken);
                return TypedResults.Accepted($"/api/recordings/{id}", RecordingDto.FromEntity(recording));
        }
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetAudioAsync(
        Guid id, HttpContext context, CallVaultDbContext db, AudioResponder responder, CancellationToken cancellationToken)
    {
        var recording = await db.Recordings.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return recording is null
            ? ApiProblems.NotFound("recording")
            : await responder.RespondAsync(context, recording, Actors.Of(context.User), "api", cancellationToken);
    }
}
