using Amazon.S3.Model;
using CallVault.Infrastructure.Storage;
using CallVault.Infrastructure.Tests.TestSupport;
using CallVault.Web.Tests.TestSupport;

namespace CallVault.Web.Tests.Reconciliations;

/// <summary>Reconciliation over a real S3-compatible bucket: what an interrupted readiness check leaves there is not a recording.</summary>
public sealed class S3ReconciliationTests
{
    [Fact]
    public async Task Reconcile_ProbeObjectLeftInTheBucket_NeitherCountedNorDeleted()
    {
        var s3 = (await S3TestServer.GetAsync()).NewBucketOptions();
        await using var s = await Scenario.StartAsync(S3TestServer.HostSettings(s3));
        await ReconciliationFiles.StoreAsync(s);
        using var client = S3ClientFactory.Create(s3);
        var probe = $"{S3ProbeSweep.Prefix}{Guid.NewGuid():N}";
        await client.PutObjectAsync(new PutObjectRequest { BucketName = s3.Bucket, Key = probe, ContentBody = "ok", UseChunkEncoding = false });

        var run = await ReconciliationApi.RunAsync(s.Host.Api, new { repair = true, deleteOrphans = true, orphanGraceSeconds = 0 }, ReconciliationFiles.Timeout);

        Assert.Equal((0, 0, 0, 0, 0, 0), ReconciliationApi.Counts(run));
        Assert.Equal(1, run.Count("objectsScanned"));
        Assert.Empty(run.GetProperty("findings").EnumerateArray());
        var listing = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = s3.Bucket, Prefix = S3ProbeSweep.Prefix });
        Assert.Equal([probe], (listing.S3Objects ?? []).Select(o => o.Key));
    }
}
