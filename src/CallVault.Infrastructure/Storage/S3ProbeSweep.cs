using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging;

namespace CallVault.Infrastructure.Storage;

/// <summary>
/// Readiness checks write and delete <c>_probe/&lt;guid&gt;</c>; an instance killed between the two leaves the
/// object behind. Listings never show it (they return recording keys only); this removes the ones older than a
/// few minutes, one listing page at most every ten minutes per instance. Deleting a probe another instance is
/// still using is harmless: its own delete of a missing key succeeds.
/// </summary>
internal sealed class S3ProbeSweep(IAmazonS3 client, string bucket, TimeProvider time, ILogger logger)
{
    /// <summary>The prefix of probe objects, which no recording key has.</summary>
    public const string Prefix = "_probe/";

    /// <summary>A probe lives for one put and one delete; one this old was left by an instance that stopped.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    private long _nextSweepTicks;

    /// <summary>Sweeps when due; a failure is logged and left to the next sweep (readiness is the probe's put and delete).</summary>
    public async Task RunIfDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextSweepTicks, (now + Interval).UtcTicks, due) != due)
        {
            return;
        }

        try
        {
            var page = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = Prefix }, cancellationToken);
            var cutoff = (now - StaleAfter).UtcDateTime;
            var stale = (page.S3Objects ?? []).Where(o => o.LastModified is { } at && at.ToUniversalTime() < cutoff).Select(o => o.Key).ToList();
            foreach (var key in stale)
            {
                await client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket, Key = key }, cancellationToken);
            }

            if (stale.Count > 0)
            {
                S3StorageLog.StaleProbesDeleted(logger, stale.Count, bucket);
            }
        }
        catch (AmazonS3Exception e)
        {
            S3StorageLog.ProbeSweepFailed(logger, e, bucket);
        }
    }
}
