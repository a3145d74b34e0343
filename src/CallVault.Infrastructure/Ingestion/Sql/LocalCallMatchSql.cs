using CallVault.Core.Recordings;

namespace CallVault.Infrastructure.Ingestion.Sql;

/// <summary>
/// <see cref="CallResolver.TryResolveLocallyAsync"/> for the hot path: the leg itself, then a known
/// child of it, each one indexed lookup.
/// </summary>
internal static class LocalCallMatchSql
{
    public static (Guid CallId, string Method, string Detail)? TryResolve(IngestSql sql, string provider, string providerCallId)
    {
        if (LegSql.FindLeg(sql, provider, providerCallId) is { } known)
        {
            var detail = known.Leg.ParentProviderCallId is null
                ? $"leg {providerCallId} is the first leg of the call"
                : $"leg {providerCallId} is a known child of {known.Leg.ParentProviderCallId}";
            return (known.Leg.CallId, MatchMethod.CallSid, detail);
        }

        if (LegSql.FindChildOf(sql, provider, providerCallId) is { } child)
        {
            return (child.CallId, MatchMethod.ParentCallSid, $"{providerCallId} is the parent of known leg {child.ProviderCallId}");
        }

        return null;
    }
}
