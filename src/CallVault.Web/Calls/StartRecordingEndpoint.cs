using CallVault.Core.Calls;
using CallVault.Infrastructure.Jobs;
using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Twilio;
using CallVault.Web.Api;
using CallVault.Web.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CallVault.Web.Calls;

/// <summary>
/// <c>POST /api/calls/{id}/start-recording</c> (admin): queues a job that asks Twilio to record the
/// call's first leg on two channels, for calls not answered through CallVault's TwiML. 202 with the
/// request's state; 409 while a start is queued or once one has started. The outcome is written on
/// the call by the job.
/// </summary>
internal static class StartRecordingEndpoint
{
    public static async Task<Results<Accepted<RecordingStartDto>, ProblemHttpResult>> HandleAsync(
        Guid id,
        HttpContext context,
        CallVaultDbContext db,
        JobSignal signal,
        IOptionsMonitor<TwilioOptions> twilio,
        IOptionsMonitor<CallVaultOptions> service,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var call = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (call is null)
        {
            return ApiProblems.NotFound("call");
        }

        if (call.Provider != "twilio")
        {
            return Conflict("Not a Twilio call", $"Recordings can be started through the API only on Twilio calls; this call is from {call.Provider}.");
        }

        if (!twilio.CurrentValue.IsConfigured)
        {
            return TypedResults.Problem("Set CallVault:Twilio:AccountSid and CallVault:Twilio:AuthToken.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Twilio is not configured");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var callback = CallbackUrls.For(context.Request, service.CurrentValue.PublicBaseUrl, CallbackUrls.Recording);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Conditional, so two concurrent requests cannot both queue a start.
        var claimed = await db.Calls
            .Where(c => c.Id == id && (c.RecordingStartStatus == null
                || (c.RecordingStartStatus != RecordingStartStatus.Queued && c.RecordingStartStatus != RecordingStartStatus.Started)))
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.RecordingStartStatus, RecordingStartStatus.Queued)
                .SetProperty(c => c.RecordingStartDetail, (string?)null)
                .SetProperty(c => c.RecordingStartRecordingSid, (string?)null)
                .SetProperty(c => c.RecordingStartCallbackUrl, callback)
                .SetProperty(c => c.RecordingStartUpdatedAt, now)
                .SetProperty(c => c.UpdatedAt, now), cancellationToken);
        if (claimed == 0)
        {
            return call.RecordingStartStatus == RecordingStartStatus.Started
                ? Conflict("Recording already started", $"Twilio is already recording this call ({call.RecordingStartRecordingSid}).")
                : Conflict("Recording start already queued", "A start-recording request for this call is still being carried out.");
        }

        var job = JobQueue.NewJob(StartRecordingJob.Kind, null, now);
        db.Jobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        await db.Calls.Where(c => c.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.RecordingStartJobId, job.Id), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.Notify();
        return TypedResults.Accepted($"/api/calls/{id}", new RecordingStartDto(id, RecordingStartStatus.Queued, null, null, now));
    }

    private static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: title);
}
