using CallVault.Core.Recordings;
using CallVault.Infrastructure.Storage;

namespace CallVault.Infrastructure.Tests.TestSupport;

/// <summary>Well-formed storage keys for tests, made the only way CallVault makes them.</summary>
internal static class StorageKeysFor
{
    public static string NewKey(string extension = "wav") =>
        StorageKeys.For(new Recording { Id = Guid.NewGuid(), Provider = "twilio", ProviderRecordingId = TestSids.Recording(), CreatedAt = TestServices.Start.UtcDateTime }, extension);
}
