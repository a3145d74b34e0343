using System.Globalization;
using CallVault.Core.Calls;
using CallVault.Core.Phones;
using CallVault.Core.Twilio;
using CallVault.Infrastructure.Ingestion.Sql;
using CallVault.Infrastructure.Persistence;

namespace CallVault.Infrastructure.Ingestion;

/// <summary>
/// A Twilio call status callback: indexes the leg under its call (a child joins its parent's call)
/// and applies the status unless a later event was already applied. A hot path: written through
/// prepared SQL on the writer's transaction (see <see cref="ISqlIngestCommand"/>), not EF Core.
/// </summary>
public sealed class TwilioCallStatusEvent(TwilioCallStatusCallback callback, string rawBody) : IIngestCommand, ISqlIngestCommand
{
    private const string Provider = "twilio";

    public Task<IngestResult> ApplyAsync(CallVaultDbContext db, DateTime now, CancellationToken cancellationToken) =>
        IngestSql.ApplyOnContextAsync(db, this, now, cancellationToken);

    IngestResult ISqlIngestCommand.Apply(IngestSql sql, DateTime now)
    {
        var sequence = callback.SequenceNumber?.ToString(CultureInfo.InvariantCulture) ?? "-";
        var dedupeKey = $"twilio:call-status:{callback.CallSid}:{callback.CallStatus}:{sequence}";
        if (!InboundEventSql.TryInsert(sql, Provider, "call-status", dedupeKey, "application/x-www-form-urlencoded", rawBody, now))
        {
            return IngestResult.AlreadySeen;
        }

        var eventTime = callback.Timestamp ?? now;
        var known = LegSql.FindLeg(sql, Provider, callback.CallSid);
        if (known is not null && known.Leg.LastSequenceNumber is { } last && callback.SequenceNumber is { } current && current <= last)
        {
            // An older event arriving late: keep it in the raw log only.
            return new IngestResult(Duplicate: false, JobEnqueued: false, CallId: known.Leg.CallId);
        }

        var (leg, call, callIsNew) = known is null
            ? CreateLeg(sql, eventTime, now)
            : (known.Leg, CallOf(known), false);
        ApplyToLeg(leg, eventTime, now);
        var isFirstLeg = call.ProviderCallId == leg.ProviderCallId;
        if (isFirstLeg)
        {
            ApplyToCall(call, leg, now);
        }

        if (callIsNew)
        {
            CallSql.Insert(sql, call);
        }
        else if (isFirstLeg)
        {
            CallSql.UpdateFromFirstLeg(sql, call);
        }

        if (known is null)
        {
            LegSql.InsertLeg(sql, leg);
        }
        else
        {
            LegSql.UpdateLeg(sql, leg);
        }

        // Recordings that arrived before any event of their leg and could not be placed then.
        if (WaitingRecordingSql.AttachToCall(sql, Provider, leg.ProviderCallId, call.Id) > 0)
        {
            CallSql.ClearRecordingMissing(sql, call.Id);
        }

        return new IngestResult(Duplicate: false, JobEnqueued: false, CallId: call.Id);
    }

    /// <summary>
    /// The leg of an unknown CallSid (not yet written) and its call: the parent's, an existing one, or
    /// a new one (not yet written unless it is the parent's, written with its first leg when the child came first).
    /// </summary>
    private (CallLeg Leg, Call Call, bool CallIsNew) CreateLeg(IngestSql sql, DateTime eventTime, DateTime now)
    {
        if (callback.ParentCallSid is { } parentSid)
        {
            if (LegSql.FindLeg(sql, Provider, parentSid) is { } parent)
            {
                return (CallResolver.NewLeg(parent.Leg.CallId, Provider, callback.CallSid, parentSid, now), CallOf(parent), false);
            }

            // The child's event came first: the call is the parent's, its first leg known by SID only.
            var (parentCall, parentLeg) = NewCall(parentSid, eventTime, now);
            CallSql.Insert(sql, parentCall);
            LegSql.InsertLeg(sql, parentLeg);
            return (CallResolver.NewLeg(parentCall.Id, Provider, callback.CallSid, parentSid, now), parentCall, false);
        }

        var (newCall, firstLeg) = NewCall(callback.CallSid, eventTime, now);
        return (firstLeg, newCall, true);
    }

    /// <summary>The fields of a leg's call that applying an event reads.</summary>
    private static Call CallOf(LegRow row) => new()
    {
        Id = row.Leg.CallId,
        Provider = Provider,
        ProviderCallId = row.CallProviderCallId,
        StartedAt = row.CallStartedAt,
    };

    private static (Call Call, CallLeg Leg) NewCall(string providerCallId, DateTime startedAt, DateTime now)
    {
        var call = new Call
        {
            Id = Guid.CreateVersion7(now),
            Provider = Provider,
            ProviderCallId = providerCallId,
            StartedAt = startedAt,
            CreatedAt = now,
            UpdatedAt = now,
        };
        return (call, CallResolver.NewLeg(call.Id, Provider, providerCallId, parentProviderCallId: null, now));
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
