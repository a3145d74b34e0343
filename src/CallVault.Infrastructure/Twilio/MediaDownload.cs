using CallVault.Core.Pipeline;

namespace CallVault.Infrastructure.Twilio;

/// <summary>The outcome of one media download: the bytes written and their hash, or why not.</summary>
public sealed record MediaDownload(long Bytes, string? Sha256, StageResult Result)
{
    public bool Succeeded => Result is StageResult.Completed;

    public static MediaDownload Failed(StageResult result) => new(0, null, result);
}
