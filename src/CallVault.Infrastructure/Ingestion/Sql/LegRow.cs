using CallVault.Core.Calls;

namespace CallVault.Infrastructure.Ingestion.Sql;

/// <summary>A leg as read for ingestion, with the two fields of its call that ingestion needs.</summary>
internal sealed record LegRow(CallLeg Leg, string CallProviderCallId, DateTime CallStartedAt);
