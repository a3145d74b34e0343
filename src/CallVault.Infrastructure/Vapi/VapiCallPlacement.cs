using CallVault.Core.Calls;
using CallVault.Core.Phones;
using CallVault.Core.Recordings;
using CallVault.Core.Vapi;
using CallVault.Infrastructure.Ingestion;
using CallVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Vapi;

/// <summary>
/// Which call a Vapi report belongs to: the Twilio call it ran on when that CallSid is a known leg
/// (<c>call.phoneCallProviderId</c>), the Vapi call already known, or a new call made from the report.
/// </summary>
internal static class VapiCallPlacement
{
    public sealed record Placement(Call Call, string Method, string Detail, string Attempts);

    public static async Task<Placement> PlaceAsync(CallVaultDbContext db, VapiEndOfCallReport report, DateTime now, CancellationToken cancellationToken)
    {
        var attempts = new List<string>();
        if (report.PhoneCallProviderId is { } callSid)
        {
            var twilioLeg = await CallResolver.FindLegAsync(db, "twilio", callSid, cancellationToken);
            if (twilioLeg is not null)
            {
                var detail = $"Vapi call {report.CallId} ran on Twilio call {callSid} (call.phoneCallProviderId), a known leg of this call";
                return Found(await CallResolver.CallOfAsync(db, twilioLeg, cancellationToken), MatchMethod.CallSid, detail, attempts);
            }

            attempts.Add($"{MatchMethod.CallSid}: Twilio call {callSid} (call.phoneCallProviderId) is not a known leg");
        }

        var vapiLeg = await CallResolver.FindLegAsync(db, VapiEndOfCallReportEvent.Provider, report.CallId, cancellationToken);
        if (vapiLeg is not null)
        {
            return Found(await CallResolver.CallOfAsync(db, vapiLeg, cancellationToken), MatchMethod.CallSid, $"Vapi call {report.CallId} is already known", attempts);
        }

        var call = Create(db, report, now);
        var created = $"no call {report.CallId} was known; created from the Vapi end-of-call report";
        attempts.Add($"{MatchMethod.Created}: {created}");
        return new Placement(call, MatchMethod.Created, created, string.Join('\n', attempts));
    }

    private static Placement Found(Call call, string method, string detail, List<string> attempts)
    {
        call.RecordingMissing = false;
        attempts.Add($"{method}: {detail}");
        return new Placement(call, method, detail, string.Join('\n', attempts));
    }

    /// <summary>A Vapi call with its one leg. The report is sent after the call ended, hence <c>completed</c>.</summary>
    private static Call Create(CallVaultDbContext db, VapiEndOfCallReport report, DateTime now)
    {
        var startedAt = report.StartedAt ?? report.EndedAt ?? now;
        var duration = report.DurationSeconds is { } seconds ? (int?)Math.Round(seconds, MidpointRounding.AwayFromZero) : null;
        var call = new Call
        {
            Id = Guid.CreateVersion7(now),
            Provider = VapiEndOfCallReportEvent.Provider,
            ProviderCallId = report.CallId,
            Direction = report.Direction,
            From = PhoneNumber.Normalize(report.From),
            To = PhoneNumber.Normalize(report.To),
            Status = "completed",
            StartedAt = startedAt,
            EndedAt = report.EndedAt,
            DurationSeconds = duration,
            CreatedAt = now,
            UpdatedAt = now,
        };
        call.Legs.Add(new CallLeg
        {
            Id = Guid.CreateVersion7(now),
            CallId = call.Id,
            Provider = call.Provider,
            ProviderCallId = call.ProviderCallId,
            Direction = call.Direction,
            From = call.From,
            To = call.To,
            Status = call.Status,
            StartedAt = startedAt,
            EndedAt = call.EndedAt,
            DurationSeconds = duration,
            CreatedAt = now,
            UpdatedAt = now,
        });
        if (report.PhoneCallProviderId is { } twilioCallSid && Core.Twilio.TwilioSid.IsValid(twilioCallSid, Core.Twilio.TwilioSid.Call))
        {
            // Index the Twilio leg too, so a Twilio recording or status callback for it later lands on this call.
            var twilioLeg = CallResolver.NewLeg(call.Id, "twilio", twilioCallSid, null, now);
            twilioLeg.Direction = call.Direction;
            twilioLeg.From = call.From;
            twilioLeg.To = call.To;
            call.Legs.Add(twilioLeg);
        }

        db.Calls.Add(call);
        return call;
    }
}
