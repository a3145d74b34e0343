using CallVault.Core.Recordings;
using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Playback;
using CallVault.Infrastructure.Storage;
using CallVault.Web.Api;
using CallVault.Web.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CallVault.Web.Playback;

/// <summary>
/// Playback URLs that expire: minted for a signed-in caller, then usable by a browser's audio
/// element without a key (a key cannot go into an &lt;audio src&gt;), every fetch audited.
/// </summary>
internal static class PlaybackEndpoints
{
    public const string SignedRoutePrefix = "/playback/";

    public static IEndpointRouteBuilder MapPlaybackEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/recordings/{id:guid}/playback", MintAsync).WithTags("Recordings").RequireAuthorization(Roles.CanView);
        app.MapGet(SignedRoutePrefix + "{token}", PlayAsync).WithTags("Recordings").AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Ok<PlaybackDto>, ProblemHttpResult>> MintAsync(
        Guid id, HttpContext context, CallVaultDbContext db, PlaybackTokenSigner signer, IRecordingStorage storage, DownloadAuditLog audit,
        IOptions<PlaybackOptions> options, IOptions<CallVaultOptions> service, TimeProvider time, CancellationToken cancellationToken)
    {
        var recording = await db.Recordings.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (recording is null)
        {
            return ApiProblems.NotFound("recording");
        }

        if (recording.Status != RecordingStatus.Stored)
        {
            return TypedResults.Problem($"The recording is {recording.Status.ToString().ToLowerInvariant()}; nothing to play yet.",
                statusCode: StatusCodes.Status409Conflict, title: "Audio not available");
        }

        var expiresAt = time.GetUtcNow().AddSeconds(options.Value.UrlTtlSeconds);
        if (options.Value.Mode == "presigned" && recording.StorageKey is not null
            && await storage.GetReadUrlAsync(recording.StorageKey, expiresAt, cancellationToken) is { } presigned)
        {
            // Fetches go straight to the store and bypass CallVault: the trail records the minting.
            await audit.StartAsync(AuditEntries.ForRequest(context, id, $"presigned-url minted by {Actors.Of(context.User)}", "presigned-url"), cancellationToken);
            return TypedResults.Ok(new PlaybackDto(presigned, expiresAt));
        }

        var token = await signer.SignAsync(new PlaybackToken(id, expiresAt, Actors.Of(context.User)), cancellationToken);
        var baseUrl = service.Value.PublicBaseUrl?.GetLeftPart(UriPartial.Path).TrimEnd('/')
            ?? $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
        return TypedResults.Ok(new PlaybackDto(new Uri(baseUrl + SignedRoutePrefix + token), expiresAt));
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> PlayAsync(
        string token, HttpContext context, CallVaultDbContext db, PlaybackTokenSigner signer, AudioResponder responder, CancellationToken cancellationToken)
    {
        var (grant, error) = await signer.VerifyAsync(token, cancellationToken);
        if (grant is null)
        {
            return TypedResults.Problem(error, statusCode: StatusCodes.Status403Forbidden, title: "Playback URL not valid");
        }

        var recording = await db.Recordings.AsNoTracking().FirstOrDefaultAsync(r => r.Id == grant.RecordingId, cancellationToken);
        if (recording is null)
        {
            return ApiProblems.NotFound("recording");
        }

        return await responder.RespondAsync(context, recording, $"signed-url minted by {grant.MintedBy}", "signed-url", cancellationToken);
    }
}
