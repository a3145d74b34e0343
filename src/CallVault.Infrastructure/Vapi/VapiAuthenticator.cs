using CallVault.Core.Vapi;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Vapi;

/// <summary>
/// Checks a Vapi server message against the one configured mode (a static secret is never accepted
/// in HMAC mode, which would defeat the timestamp window). Runs on the raw body, before any parsing.
/// </summary>
public sealed partial class VapiAuthenticator(IOptionsMonitor<VapiOptions> options, TimeProvider time, ILogger<VapiAuthenticator> logger)
{
    private const string BearerPrefix = "Bearer ";

    public VapiAuthOutcome Check(IHeaderDictionary headers, ReadOnlySpan<byte> body)
    {
        var o = options.CurrentValue;
        if (!o.IsConfigured)
        {
            return VapiAuthOutcome.NotConfigured;
        }

        var outcome = o.AuthMode switch
        {
            VapiAuthModes.Hmac => CheckHmac(o, headers, body),
            VapiAuthModes.Bearer => CheckBearer(o, headers[o.EffectiveHeaderName].ToString()),
            _ => CheckSecret(o.Secret!, headers[o.EffectiveHeaderName].ToString()),
        };
        if (outcome != VapiAuthOutcome.Accepted)
        {
            LogRejected(logger, o.AuthMode!, outcome);
        }

        return outcome;
    }

    private static VapiAuthOutcome CheckBearer(VapiOptions o, string value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return VapiAuthOutcome.Missing;
        }

        if (value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return CheckSecret(o.Secret!, value[BearerPrefix.Length..].Trim());
        }

        // A custom header may carry the bare token; Authorization must say Bearer.
        return string.Equals(o.EffectiveHeaderName, "Authorization", StringComparison.OrdinalIgnoreCase)
            ? VapiAuthOutcome.Wrong
            : CheckSecret(o.Secret!, value.Trim());
    }

    private static VapiAuthOutcome CheckSecret(string secret, string value) =>
        string.IsNullOrEmpty(value) ? VapiAuthOutcome.Missing
        : VapiSignature.SecretEquals(secret, value) ? VapiAuthOutcome.Accepted
        : VapiAuthOutcome.Wrong;

    private VapiAuthOutcome CheckHmac(VapiOptions o, IHeaderDictionary headers, ReadOnlySpan<byte> body)
    {
        var signature = headers[o.SignatureHeader].ToString();
        var timestamp = headers[o.TimestampHeader].ToString();
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(timestamp))
        {
            return VapiAuthOutcome.Missing;
        }

        if (!VapiTimestamp.TryParse(timestamp, out var sentAt)
            || !VapiTimestamp.IsFresh(sentAt, time.GetUtcNow(), TimeSpan.FromSeconds(o.TimestampToleranceSeconds)))
        {
            return VapiAuthOutcome.Stale;
        }

        return VapiSignature.IsValid(o.Secret!, timestamp, body, signature) ? VapiAuthOutcome.Accepted : VapiAuthOutcome.Wrong;
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Rejected a Vapi server message ({Mode} authentication): {Outcome}")]
    private static partial void LogRejected(ILogger logger, string mode, VapiAuthOutcome outcome);
}
