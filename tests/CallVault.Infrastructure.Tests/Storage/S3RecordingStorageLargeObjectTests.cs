using Amazon.S3;
using CallVault.Infrastructure.Storage;
using CallVault.Infrastructure.Tests.TestSupport;
using Xunit.Abstractions;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallVault.Infrastructure.Tests.Storage;

/// <summary>Through s3rver with the default 8 MiB parts: the multipart upload and the read-back both stream.</summary>
[Collection(nameof(MemorySensitiveCollection))]
public sealed class S3RecordingStorageLargeObjectTests(ITestOutputHelper output) : RecordingStorageLargeObjectContract(output)
{
    private AmazonS3Client? _client;

    protected override long ObjectBytes => 1024L * 1024 * 1024;

    protected override async Task<IRecordingStorage> CreateStorageAsync()
    {
        var server = await S3TestServer.GetAsync();
        var options = server.NewBucketOptions(partSizeMegabytes: 8);
        _client = S3ClientFactory.Create(options);
        return new S3RecordingStorage(_client, options, NullLogger.Instance);
    }

    protected override Task DisposeStorageAsync()
    {
        _client?.Dispose();
        return Task.CompletedTask;
    }
}
