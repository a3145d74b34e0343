using CallVault.Core.Recordings;
using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Waveforms;
using CallVault.Web.Api;
using CallVault.Web.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Web.Dashboard;

/// <summary><c>GET /api/recordings/{id}/waveform</c>: per-channel peaks of the stored audio, for the player.</summary>
internal static class WaveformEndpoints
{
    public static IEndpointRouteBuilder MapWaveformEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/recordings/{id:guid}/waveform", GetAsync).WithTags("Recordings").RequireAuthorization(Roles.CanView);
        return app;
    }

    private static async Task<Results<Ok<Waveform>, ProblemHttpResult>> GetAsync(
        Guid id, CallVaultDbContext db, WaveformService waveforms, CancellationToken cancellationToken)
    {
        var recording = await db.Recordings.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (recording is null)
        {
            return ApiProblems.NotFound("recording");
        }

        if (recording.Status != RecordingStatus.Stored)
        {
            return TypedResults.Problem("The recording is not stored yet; its waveform follows once it is.",
                statusCode: StatusCodes.Status409Conflict, title: "Audio not available");
        }

        if (!waveforms.Available)
        {
            return TypedResults.Problem("ffmpeg is not installed on the server; install it to see waveforms.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Waveform not available");
        }

        try
        {
            var waveform = await waveforms.GetAsync(recording, cancellationToken);
            return waveform is null
                ? TypedResults.Problem("The stored audio is missing; run a reconciliation to find out why.", statusCode: StatusCodes.Status404NotFound, title: "Audio missing")
                : TypedResults.Ok(waveform);
        }
        catch (InvalidDataException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Audio could not be decoded");
        }
    }
}
