using System.Buffers;
using System.Text;
using CallVault.Core.Twilio;
using CallVault.Infrastructure.Twilio;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallVault.Web.Webhooks;

/// <summary>
/// Reads a Twilio callback body (bounded) and checks <c>X-Twilio-Signature</c> over the URL Twilio
/// used — the configured public base URL plus the request target as sent — before anything is parsed.
/// </summary>
internal sealed partial class TwilioWebhookReader(
    IOptionsMonitor<TwilioOptions> twilio,
    IOptionsMonitor<CallVaultOptions> service,
    ILogger<TwilioWebhookReader> logger)
{
    public const int MaxBodyBytes = 64 * 1024;

    public async Task<(SignedTwilioForm? Form, ProblemHttpResult? Error)> ReadAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var options = twilio.CurrentValue;
        if (!options.IsConfigured)
        {
            return (null, Problem(StatusCodes.Status503ServiceUnavailable, "Twilio is not configured", "Set CallVault:Twilio:AccountSid and CallVault:Twilio:AuthToken."));
        }

        var request = context.Request;
        if (!request.HasFormContentType || request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true)
        {
            return (null, Problem(StatusCodes.Status400BadRequest, "Unsupported content type", "Twilio callbacks are application/x-www-form-urlencoded."));
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, Problem(StatusCodes.Status413PayloadTooLarge, "Body too large", $"Callbacks are limited to {MaxBodyBytes} bytes."));
        }

        var body = await ReadBoundedAsync(request.Body, cancellationToken);
        if (body is null)
        {
            return (null, Problem(StatusCodes.Status413PayloadTooLarge, "Body too large", $"Callbacks are limited to {MaxBodyBytes} bytes."));
        }

        var fields = FormBody.Parse(body);
        var url = SignedUrl(context);
        var signature = request.Headers[TwilioSignature.HeaderName].ToString();
        if (!TwilioSignature.IsValid(options.AuthToken!, url, fields, signature))
        {
            LogRejected(logger, request.Path, string.IsNullOrEmpty(signature) ? "missing" : "wrong");
            return (null, Problem(StatusCodes.Status403Forbidden, "Invalid signature", "X-Twilio-Signature is missing or does not match."));
        }

        return (new SignedTwilioForm(body, fields), null);
    }

    public static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title);

    private string SignedUrl(HttpContext context)
    {
        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target) || !target.StartsWith('/'))
        {
            target = request.PathBase + request.Path + request.QueryString;
        }

        var publicBase = service.CurrentValue.PublicBaseUrl;
        return publicBase is null
            ? $"{request.Scheme}://{request.Host}{target}"
            : publicBase.GetLeftPart(UriPartial.Path).TrimEnd('/') + target;
    }

    private static async Task<string?> ReadBoundedAsync(Stream body, CancellationToken cancellationToken)
    {
        // Pooled: a fresh 64 KiB buffer per callback was most of the endpoint's allocation.
        var buffer = ArrayPool<byte>.Shared.Rent(MaxBodyBytes + 1);
        try
        {
            var total = 0;
            while (total <= MaxBodyBytes)
            {
                var read = await body.ReadAsync(buffer.AsMemory(total, MaxBodyBytes + 1 - total), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }

            return total > MaxBodyBytes ? null : Encoding.UTF8.GetString(buffer, 0, total);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Rejected a Twilio callback to {Path}: signature {Problem}")]
    private static partial void LogRejected(ILogger logger, PathString path, string problem);
}
