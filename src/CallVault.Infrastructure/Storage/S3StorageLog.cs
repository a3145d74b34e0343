using Microsoft.Extensions.Logging;

namespace CallVault.Infrastructure.Storage;

/// <summary>Storage log messages (event ids 20xx). Keys are CallVault ids; never a URL or a credential.</summary>
internal static partial class S3StorageLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Wrote {Key} to S3 in {Parts} request(s)")]
    public static partial void Wrote(ILogger logger, string key, int parts);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Upload of {Key} failed; aborted multipart upload {UploadId}")]
    public static partial void MultipartAborted(ILogger logger, string key, string uploadId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "Upload of {Key} failed and multipart upload {UploadId} could not be aborted; its parts stay until the bucket's lifecycle rule removes them")]
    public static partial void AbortFailed(ILogger logger, Exception exception, string key, string uploadId);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Created S3 bucket {Bucket}")]
    public static partial void BucketCreated(ILogger logger, string bucket);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "Deleted {Count} readiness probe object(s) left in S3 bucket {Bucket} by stopped instances")]
    public static partial void StaleProbesDeleted(ILogger logger, int count, string bucket);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "Could not sweep old readiness probe objects in S3 bucket {Bucket}; the next readiness check tries again")]
    public static partial void ProbeSweepFailed(ILogger logger, Exception exception, string bucket);
}
