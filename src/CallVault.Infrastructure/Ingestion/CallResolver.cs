using CallVault.Core.Calls;
using CallVault.Core.Recordings;
using CallVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Ingestion;

/// <summary>Finds the call a provider call id belongs to through the legs CallVault has seen, or creates it.</summary>
public static class CallResolver
{
    public sealed record Resolution(Call Call, string Method, string Detail);

    public static async Task<Resolution> ResolveForRecordingAsync(CallVaultDbContext db, string provider, string providerCallId, DateTime startedAt, DateTime now, CancellationToken cancellationToken)
    {
        var leg = await FindLegAsync(db, provider, providerCallId, cancellationToken);
        if (leg is not null)
        {
            var call = await db.Calls.FindAsync([leg.CallId], cancellationToken)
                ?? throw new InvalidOperationException($"Leg {providerCallId} points at a missing call.");
            var detail = leg.ParentProviderCallId is null
                ? $"leg {providerCallId} is the first leg of the call"
                : $"leg {providerCallId} is a child of {leg.ParentProviderCallId}";
            return new Resolution(call, MatchMethod.CallSid, detail);
        }

        var created = CreateCall(db, provider, providerCallId, parentProviderCallId: null, startedAt, now);
        return new Resolution(created.Call, MatchMethod.Created, $"no call known for {providerCallId}; created from the recording callback");
    }

    public static Task<CallLeg?> FindLegAsync(CallVaultDbContext db, string provider, string providerCallId, CancellationToken cancellationToken) =>
        db.CallLegs.FirstOrDefaultAsync(l => l.Provider == provider && l.ProviderCallId == providerCallId, cancellationToken);

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
