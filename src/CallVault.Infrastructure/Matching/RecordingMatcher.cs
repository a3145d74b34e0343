using System.Globalization;
using CallVault.Core.Calls;
using CallVault.Core.Phones;
using CallVault.Core.Recordings;
using CallVault.Infrastructure.Ingestion;
using CallVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Matching;

/// <summary>
/// Finds the call of a recording the webhook could not place, in order: the leg or a known child
/// (again: a status callback may have arrived since); the parent named by the provider's Calls API;
/// a single call of the same direction and numbers inside the time window (several: refused, not
/// guessed); a call created from the provider's data. Every attempt is written down; a recording
/// that matches nothing stays unmatched — stored, listed, never dropped.
/// </summary>
public sealed partial class RecordingMatcher(
    TwilioCallLookup lookup,
    IOptions<MatchingOptions> options,
    TimeProvider time,
    ILogger<RecordingMatcher> logger)
{
    public const string Unmatched = "unmatched";
    private const string Provider = "twilio";

    public async Task MatchAsync(CallVaultDbContext db, Recording recording, CancellationToken cancellationToken)
    {
        var sid = recording.ProviderCallId;
        var log = new List<string>();
        if (recording.MatchAttempts is not null)
        {
            log.Add(recording.MatchAttempts);
        }

        var result = sid is null ? null : await FindAsync(db, sid, log, cancellationToken);
        recording.CallId = result?.Call.Id;
        recording.MatchMethod = result?.Method ?? Unmatched;
        recording.MatchDetail = result?.Detail ?? log[^1];
        recording.MatchAttempts = string.Join('\n', log);
        if (result is not null)
        {
            result.Call.RecordingMissing = false;
        }

        LogMatched(logger, recording.Id, recording.MatchMethod, PhoneRedaction.Redact(recording.MatchDetail));
    }

    private async Task<CallResolver.Resolution?> FindAsync(CallVaultDbContext db, string sid, List<string> log, CancellationToken cancellationToken)
    {
        var local = await CallResolver.TryResolveLocallyAsync(db, Provider, sid, cancellationToken);
        if (local is not null)
        {
            log.Add($"{local.Method}: {local.Detail}");
            return local;
        }

        if (!options.Value.UseProviderApi)
        {
            log.Add("calls API: not consulted (CallVault:Matching:UseProviderApi is off)");
            return null;
        }

        var lookedUp = await lookup.GetAsync(sid, cancellationToken);
        if (lookedUp is not CallLookupResult.Found { Call: var leg })
        {
            log.Add($"calls API: {Describe(lookedUp, sid)}");
            return null;
        }

        TwilioCallInfo? first = leg.ParentCallSid is null ? leg : null;
        if (leg.ParentCallSid is { } parentSid)
        {
            var parent = await CallResolver.FindLegAsync(db, Provider, parentSid, cancellationToken);
            if (parent is not null)
            {
                var call = await CallResolver.CallOfAsync(db, parent, cancellationToken);
                await AddLegAsync(db, call, leg, cancellationToken);
                var detail = $"the Calls API names {parentSid} as the parent of {sid}";
                log.Add($"{MatchMethod.ParentCallSid}: {detail}");
                return new CallResolver.Resolution(call, MatchMethod.ParentCallSid, detail);
            }

            log.Add($"calls API: parent {parentSid} of {sid} is not a known leg");
            first = (await lookup.GetAsync(parentSid, cancellationToken) as CallLookupResult.Found)?.Call;
        }

        if (first is not null)
        {
            var (window, ambiguous) = await FindInTimeWindowAsync(db, first, log, cancellationToken);
            if (window is not null)
            {
                await AddLegAsync(db, window.Call, first, cancellationToken);
                await AddLegAsync(db, window.Call, leg, cancellationToken);
                return window;
            }

            if (ambiguous)
            {
                // Creating a call here could split the real one in two: leave it unmatched.
                return null;
            }
        }

        return CreateFromProvider(db, leg, first, log);
    }

    private async Task<(CallResolver.Resolution? Match, bool Ambiguous)> FindInTimeWindowAsync(CallVaultDbContext db, TwilioCallInfo first, List<string> log, CancellationToken cancellationToken)
    {
        var from = PhoneNumber.Normalize(first.From);
        var to = PhoneNumber.Normalize(first.To);
        if (first.StartTime is not { } start || from is null || to is null)
        {
            log.Add("timeWindow: the provider gave no start time or numbers");
            return (null, false);
        }

        var window = TimeSpan.FromSeconds(options.Value.TimeWindowSeconds);
        var (earliest, latest) = (start - window, start + window);
        var candidates = await db.Calls
            .Where(c => c.Provider == Provider && c.Direction == first.Direction && c.From == from && c.To == to
                && c.StartedAt >= earliest && c.StartedAt <= latest
                // A call that already has its recording is not waiting for this one.
                && !db.Recordings.Any(r => r.CallId == c.Id))
            .Take(5)
            .ToListAsync(cancellationToken);
        var seconds = options.Value.TimeWindowSeconds.ToString(CultureInfo.InvariantCulture);
        switch (candidates.Count)
        {
            case 0:
                log.Add($"timeWindow: no {first.Direction} call {from} → {to} within {seconds} s");
                return (null, false);
            case 1:
                var detail = $"the only {first.Direction} call {from} → {to} within {seconds} s of {start:u}";
                log.Add($"{MatchMethod.TimeWindow}: {detail}");
                return (new CallResolver.Resolution(candidates[0], MatchMethod.TimeWindow, detail), false);
            default:
                log.Add($"timeWindow: {candidates.Count} {first.Direction} calls {from} → {to} within {seconds} s; ambiguous, refused");
                return (null, true);
        }
    }

    private CallResolver.Resolution CreateFromProvider(CallVaultDbContext db, TwilioCallInfo leg, TwilioCallInfo? first, List<string> log)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var firstSid = leg.ParentCallSid ?? leg.Sid;
        var (call, firstLeg) = CallResolver.CreateCall(db, Provider, firstSid, null, first?.StartTime ?? leg.StartTime ?? now, now);
        if (first is not null)
        {
            Apply(firstLeg, first, now);
            call.Direction = first.Direction;
            call.From = firstLeg.From;
            call.To = firstLeg.To;
            call.Status = first.Status;
            call.EndedAt = first.EndTime;
            call.DurationSeconds = first.DurationSeconds;
        }

        if (leg.ParentCallSid is not null)
        {
            var child = CallResolver.NewLeg(call.Id, Provider, leg.Sid, leg.ParentCallSid, now);
            Apply(child, leg, now);
            db.CallLegs.Add(child);
        }

        var detail = leg.ParentCallSid is null
            ? $"call {leg.Sid} created from the provider's data"
            : $"call {firstSid} created from the provider's data, with child leg {leg.Sid}";
        log.Add($"{MatchMethod.Created}: {detail}");
        return new CallResolver.Resolution(call, MatchMethod.Created, detail);
    }

    /// <summary>Indexes a leg learned from the API under its call, so the next lookup is local.</summary>
    private async Task AddLegAsync(CallVaultDbContext db, Call call, TwilioCallInfo info, CancellationToken cancellationToken)
    {
        if (db.CallLegs.Local.Any(l => l.ProviderCallId == info.Sid)
            || await CallResolver.FindLegAsync(db, Provider, info.Sid, cancellationToken) is not null)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var leg = CallResolver.NewLeg(call.Id, Provider, info.Sid, info.ParentCallSid, now);
        Apply(leg, info, now);
        db.CallLegs.Add(leg);
    }

    private static void Apply(CallLeg leg, TwilioCallInfo info, DateTime now)
    {
        leg.Direction = info.Direction;
        leg.From = PhoneNumber.Normalize(info.From);
        leg.To = PhoneNumber.Normalize(info.To);
        leg.Status = info.Status;
        leg.DurationSeconds = info.DurationSeconds;
        leg.StartedAt = info.StartTime;
        leg.EndedAt = info.EndTime;
        leg.UpdatedAt = now;
    }

    private static string Describe(CallLookupResult result, string sid) => result switch
    {
        CallLookupResult.NotFound => $"{sid} is unknown to the provider",
        CallLookupResult.Unavailable unavailable => unavailable.Reason,
        _ => "no answer",
    };

    [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "Recording {RecordingId} matched by {Method}: {Detail}")]
    private static partial void LogMatched(ILogger logger, Guid recordingId, string method, string detail);
}
