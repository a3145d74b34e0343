using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Media;

/// <summary>
/// Settles <c>CallVault:Media:Transcode</c> against the tools found: unset means opus when ffmpeg is
/// there, else none; a format asked for without ffmpeg is skipped (never a failure loop). Warns once.
/// </summary>
internal sealed partial class TranscodePolicy
{
    public const string OffReason = "transcoding is off (CallVault:Media:Transcode=none)";

    private readonly Lazy<TranscodeDecision> _decision;

    public TranscodePolicy(IOptions<MediaOptions> options, FfmpegLocator locator, ILogger<TranscodePolicy> logger)
    {
        var configured = options.Value.Transcode;
        _decision = new Lazy<TranscodeDecision>(() => Decide(configured, locator.Tools, logger), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public TranscodeDecision Decision => _decision.Value;

    private static TranscodeDecision Decide(string? configured, MediaTools tools, ILogger logger)
    {
        var asked = string.IsNullOrWhiteSpace(configured) ? null : MediaOptionsValidator.TryParseTarget(configured);
        if (asked == TranscodeTarget.None)
        {
            return new TranscodeDecision(TranscodeTarget.None, tools, OffReason);
        }

        if (!tools.Available)
        {
            LogToolsMissing(logger, asked?.ToString().ToLowerInvariant() ?? "unset (opus when ffmpeg is found)", tools.MissingReason!);
            return new TranscodeDecision(TranscodeTarget.None, tools, tools.MissingReason);
        }

        return new TranscodeDecision(asked ?? TranscodeTarget.Opus, tools, null);
    }

    [LoggerMessage(EventId = 3501, Level = LogLevel.Warning,
        Message = "Recordings are not transcoded: CallVault:Media:Transcode is {Transcode} but {Reason}. Install ffmpeg or set CallVault:Media:FfmpegPath, then restart")]
    private static partial void LogToolsMissing(ILogger logger, string transcode, string reason);
}
