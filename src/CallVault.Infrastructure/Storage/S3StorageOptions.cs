namespace CallVault.Infrastructure.Storage;

/// <summary><c>CallVault:Storage:S3</c>: any S3-compatible store (AWS S3, R2, MinIO, …).</summary>
public sealed class S3StorageOptions
{
    public const string Section = StorageOptions.Section + ":S3";

    /// <summary>Endpoint, e.g. <c>https://s3.eu-west-1.amazonaws.com</c> or <c>http://127.0.0.1:9000</c>.</summary>
    public string? ServiceUrl { get; set; }

    public string? Bucket { get; set; }

    /// <summary>Signing region.</summary>
    public string Region { get; set; } = "us-east-1";

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary><c>endpoint/bucket/key</c> instead of <c>bucket.endpoint/key</c> (most self-hosted stores need it).</summary>
    public bool ForcePathStyle { get; set; }

    /// <summary>
    /// Streaming (aws-chunked) signed bodies and SDK checksums on uploads. Set it to <c>false</c> for
    /// S3-compatible stores that cannot take them: some reject them, others (s3rver) silently store
    /// the chunk framing inside the object. With <c>false</c> each part is sent with a plain signed body.
    /// </summary>
    public bool ChunkedUploads { get; set; } = true;

    /// <summary>Multipart part size, also the one buffer an upload holds in memory (5–512).</summary>
    public int PartSizeMegabytes { get; set; } = 8;

    /// <summary>Create the bucket on first write when it does not exist.</summary>
    public bool AutoCreateBucket { get; set; }

    internal int PartSizeBytes => PartSizeMegabytes * 1024 * 1024;
}
