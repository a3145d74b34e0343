using System.Globalization;
using CallVault.Core.Calls;
using CallVault.Core.Phones;
using CallVault.Core.Recordings;
using CallVault.Core.Twilio;
using CallVault.Core.Webhooks;
using CallVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Ingestion;

/// <summary>
/// A Twilio call status callback: indexes the leg under its call (a child joins its parent's call)
/// and applies the status unless a later event was already applied.
/// </summary>
public sealed class TwilioCallStatusEvent(TwilioCallStatusCallback callback, string rawBody) : IIngestCommand
{
    private const string Provider = "twilio";

    public async Task<IngestResult> ApplyAsync(CallVaultDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var sequence = callback.SequenceNumber?.ToString(CultureInfo.InvariantCulture) ?? "-";
        var dedupeKey = $"twilio:call-status:{callback.CallSid}:{callback.CallStatus}:{sequence}";
        if (await db.InboundEvents.AnyAsync(e => e.DedupeKey == dedupeKey, cancellationToken))
        {
            return IngestResult.AlreadySeen;
        }

        db.InboundEvents.Add(new InboundEvent
        {
            Provider = Provider,
            Kind = "call-status",
            DedupeKey = dedupeKey,
            ContentType = "application/x-www-form-urlencoded",
            Body = rawBody,
            ReceivedAt = now,
        });

        var eventTime = callback.Timestamp ?? now;
        var leg = await CallResolver.FindLegAsync(db, Provider, callback.CallSid, cancellationToken)
            ?? await CreateLegAsync(db, eventTime, now, cancellationToken);
        var call = await db.Calls.FindAsync([leg.CallId], cancellationToken)
            ?? throw new InvalidOperationException($"Leg {leg.ProviderCallId} points at a missing call.");

        if (leg.LastSequenceNumber is { } last && callback.SequenceNumber is { } current && current <= last)
        {
            // An older event arriving late: keep it in the raw log only.
            return new IngestResult(Duplicate: false, JobEnqueued: false, CallId: call.Id);
        }

        ApplyToLeg(leg, eventTime, now);
        if (call.ProviderCallId == leg.ProviderCallId)
        {
            ApplyToCall(call, leg, now);
        }

        await AttachWaitingRecordingsAsync(db, call, leg, cancellationToken);

        return new IngestResult(Duplicate: false, JobEnqueued: false, CallId: call.Id);
    }

    private async Task<CallLeg> CreateLegAsync(CallVaultDbContext db, DateTime eventTime, DateTime now, CancellationToken cancellationToken)
    {
        if (callback.ParentCallSid is { } parentSid)
        {
            var parent = await CallResolver.FindLegAsync(db, Provider, parentSid, cancellationToken);
            if (parent is not null)
            {
                var child = CallResolver.NewLeg(parent.CallId, Provider, callback.CallSid, parentSid, now);
                db.CallLegs.Add(child);
                return child;
            }

            // The child's event came first: the call is the parent's, its first leg known by SID only.
            var (_, parentLeg) = CallResolver.CreateCall(db, Provider, parentSid, parentProviderCallId: null, eventTime, now);
            var orphan = CallResolver.NewLeg(parentLeg.CallId, Provider, callback.CallSid, parentSid, now);
            db.CallLegs.Add(orphan);
            return orphan;
        }

        return CallResolver.CreateCall(db, Provider, callback.CallSid, parentProviderCallId: null, eventTime, now).Leg;
    }

    /// <summary>Recordings that arrived before any event of their leg and could not be placed then.</summary>
    private static async Task AttachWaitingRecordingsAsync(CallVaultDbContext db, Call call, CallLeg leg, CancellationToken cancellationToken)
    {
        var waiting = await db.Recordings
            .Where(r => r.CallId == null && r.Provider == Provider && r.ProviderCallId == leg.ProviderCallId)
            .ToListAsync(cancellationToken);
        foreach (var recording in waiting)
        {
            recording.CallId = call.Id;
            recording.MatchMethod = MatchMethod.CallSid;
            recording.MatchDetail = $"leg {leg.ProviderCallId} became known from its status callback";
            recording.MatchAttempts = $"{recording.MatchAttempts}\n{MatchMethod.CallSid}: {recording.MatchDetail}".TrimStart('\n');
            call.RecordingMissing = false;
        }
    }

    private void ApplyToLeg(CallLeg leg, DateTime eventTime, DateTime now)
    {
        leg.Status = callback.CallStatus;
        leg.Direction = callback.Direction ?? leg.Direction;
        leg.From = PhoneNumber.Normalize(callback.From) ?? leg.From;
        leg.To = PhoneNumber.Normalize(callback.To) ?? leg.To;
        leg.LastSequenceNumber = callback.SequenceNumber ?? leg.LastSequenceNumber;
        leg.StartedAt ??= eventTime;
        if (callback.IsTerminal)
        {
            leg.EndedAt = eventTime;
            leg.DurationSeconds = callback.DurationSeconds ?? leg.DurationSeconds;
        }

        leg.UpdatedAt = now;
    }

    private static void ApplyToCall(Call call, CallLeg firstLeg, DateTime now)
    {
        call.Status = firstLeg.Status;
        call.Direction = firstLeg.Direction;
        call.From = firstLeg.From;
        call.To = firstLeg.To;
        call.EndedAt = firstLeg.EndedAt;
        call.DurationSeconds = firstLeg.DurationSeconds;
        if (firstLeg.StartedAt is { } started && started < call.StartedAt)
        {
            call.StartedAt = started;
        }

        call.UpdatedAt = now;
    }
}
