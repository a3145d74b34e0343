using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Amazon.S3;
using Amazon.S3.Model;

namespace CallVault.Infrastructure.Tests.TestSupport;

/// <summary>
/// An <see cref="IAmazonS3"/> that forwards every call to a real client and remembers which
/// multipart uploads were started and which were aborted (s3rver implements neither
/// ListMultipartUploads nor AbortMultipartUpload, so the server cannot be asked).
/// </summary>
public class S3CallRecorder : DispatchProxy
{
    private IAmazonS3 _target = null!;

    public ConcurrentQueue<string> StartedUploads { get; } = new();

    public ConcurrentQueue<string> AbortedUploads { get; } = new();

    public IAmazonS3 Client => (IAmazonS3)(object)this;

    public static S3CallRecorder Wrap(IAmazonS3 target)
    {
        var proxy = (S3CallRecorder)(object)Create<IAmazonS3, S3CallRecorder>();
        proxy._target = target;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (args is [AbortMultipartUploadRequest abort, ..])
        {
            AbortedUploads.Enqueue(abort.UploadId);
        }

        object? result;
        try
        {
            result = targetMethod.Invoke(_target, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }

        return result is Task<InitiateMultipartUploadResponse> started ? RecordAsync(started) : result;
    }

    private async Task<InitiateMultipartUploadResponse> RecordAsync(Task<InitiateMultipartUploadResponse> started)
    {
        var response = await started;
        StartedUploads.Enqueue(response.UploadId);
        return response;
    }
}
