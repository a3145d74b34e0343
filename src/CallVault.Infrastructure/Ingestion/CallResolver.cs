using CallVault.Core.Calls;
using CallVault.Core.Recordings;
using CallVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Ingestion;

/// <summary>
/// The local steps of matching a provider call id to a call: the leg itself, then a known child
/// of it. Cheap enough for the webhook's transaction; the steps that need the provider's API run
/// later, in the pipeline (see <c>RecordingMatcher</c>).
/// </summary>
public static class CallResolver
{
    public sealed record Resolution(Call Call, string Method, string Detail);

    public static async Task<Resolution?> TryResolveLocallyAsync(CallVaultDbContext db, string provider, string providerCallId, CancellationToken cancellationToken)
    {
        var leg = await FindLegAsync(db, provider, providerCallId, cancellationToken);
        if (leg is not null)
        {
            var detail = leg.ParentProviderCallId is null
                ? $"leg {providerCallId} is the first leg of the call"
                : $"leg {providerCallId} is a known child of {leg.ParentProviderCallId}";
            return new Resolution(await CallOfAsync(db, leg, cancellationToken), MatchMethod.CallSid, detail);
        }

        var child = await db.CallLegs.FirstOrDefaultAsync(l => l.Provider == provider && l.ParentProviderCallId == providerCallId, cancellationToken);
        if (child is not null)
        {
            return new Resolution(await CallOfAsync(db, child, cancellationToken), MatchMethod.ParentCallSid,
                $"{providerCallId} is the parent of known leg {child.ProviderCallId}");
        }

        return null;
    }

    public static Task<CallLeg?> FindLegAsync(CallVaultDbContext db, string provider, string providerCallId, CancellationToken cancellationToken) =>
        db.CallLegs.FirstOrDefaultAsync(l => l.Provider == provider && l.ProviderCallId == providerCallId, cancellationToken);

    public static async Task<Call> CallOfAsync(CallVaultDbContext db, CallLeg leg, CancellationToken cancellationToken) =>
        await db.Calls.FindAsync([leg.CallId], cancellationToken)
        ?? throw new InvalidOperationException($"Leg {leg.ProviderCallId} points at a missing call.");

    /// <summary>A new call whose first leg is <paramref name="providerCallId"/>.</summary>
    public static (Call Call, CallLeg Leg) CreateCall(CallVaultDbContext db, string provider, string providerCallId, string? parentProviderCallId, DateTime startedAt, DateTime now)
    {
        var call = new Call
        {
            Id = Guid.CreateVersion7(now),
            Provider = provider,
            ProviderCallId = providerCallId,
            StartedAt = startedAt,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var leg = NewLeg(call.Id, provider, providerCallId, parentProviderCallId, now);
        call.Legs.Add(leg);
        db.Calls.Add(call);
        return (call, leg);
    }

    public static CallLeg NewLeg(Guid callId, string provider, string providerCallId, string? parentProviderCallId, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(now),
        CallId = callId,
        Provider = provider,
        ProviderCallId = providerCallId,
        ParentProviderCallId = parentProviderCallId,
        CreatedAt = now,
        UpdatedAt = now,
    };
}
