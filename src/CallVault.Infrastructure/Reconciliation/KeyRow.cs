using CallVault.Core.Recordings;

namespace CallVault.Infrastructure.Reconciliation;

/// <summary>A storage key a recording refers to (its main object or its kept original), with the recording's status.</summary>
internal sealed record KeyRow(string Key, Guid RecordingId, RecordingStatus Status, bool IsOriginal);
