using Amazon.Runtime;
using Amazon.S3;

namespace CallVault.Infrastructure.Storage;

/// <summary>Builds the S3 client from <see cref="S3StorageOptions"/> (AWSSDK.Extensions.NETCore.Setup is not available here).</summary>
internal static class S3ClientFactory
{
    public static AmazonS3Client Create(S3StorageOptions options)
    {
        var config = new AmazonS3Config
        {
            // ServiceURL and RegionEndpoint exclude each other in the SDK: the region only signs.
            ServiceURL = options.ServiceUrl,
            AuthenticationRegion = options.Region,
            ForcePathStyle = options.ForcePathStyle,
        };
        if (!options.ChunkedUploads)
        {
            // Compatibility mode: no SDK-added CRC checksums either, which many S3-compatible stores
            // reject or ignore. Integrity comes from the read-back SHA-256 after every write.
            config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
            config.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
        }

        return new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }
}
