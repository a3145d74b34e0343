using CallVault.Infrastructure.Storage;
using CallVault.Infrastructure.Tests.TestSupport;
using Xunit.Abstractions;

namespace CallVault.Infrastructure.Tests.Storage;

[Collection(nameof(MemorySensitiveCollection))]
public sealed class DiskRecordingStorageLargeObjectTests(ITestOutputHelper output) : RecordingStorageLargeObjectContract(output)
{
    private TestServices? _services;

    protected override long ObjectBytes => 1024L * 1024 * 1024;

    protected override async Task<IRecordingStorage> CreateStorageAsync()
    {
        _services = await TestServices.StartAsync();
        return _services.Storage;
    }

    protected override async Task DisposeStorageAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }
}
