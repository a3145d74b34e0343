using System.Net.Http.Headers;
using CallVault.Infrastructure.Vapi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallVault.Web.Webhooks;

/// <summary>
/// Reads a Vapi server message body (bounded by <c>CallVault:Vapi:MaxBodyBytes</c>) and checks its
/// credentials as configured, before anything is parsed.
/// </summary>
internal static class VapiWebhookReader
{
    public static async Task<(ReadOnlyMemory<byte>? Body, ProblemHttpResult? Error)> ReadAsync(
        HttpContext context, VapiOptions options, VapiAuthenticator authenticator, CancellationToken cancellationToken)
    {
        if (!options.IsConfigured)
        {
            return (null, Problem(StatusCodes.Status503ServiceUnavailable, "Vapi is not configured",
                "Set CallVault:Vapi:AuthMode and CallVault:Vapi:Secret."));
        }

        var request = context.Request;
        if (!IsJson(request.ContentType))
        {
            return (null, Problem(StatusCodes.Status400BadRequest, "Unsupported content type", "Vapi server messages are application/json."));
        }

        var tooLarge = Problem(StatusCodes.Status413PayloadTooLarge, "Body too large", $"Server messages are limited to {options.MaxBodyBytes} bytes.");
        if (request.ContentLength > options.MaxBodyBytes)
        {
            return (null, tooLarge);
        }

        var body = await ReadBoundedAsync(request.Body, options.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return (null, tooLarge);
        }

        return authenticator.Check(request.Headers, body.Value.Span) switch
        {
            VapiAuthOutcome.Accepted => (body, null),
            VapiAuthOutcome.NotConfigured => (null, Problem(StatusCodes.Status503ServiceUnavailable, "Vapi is not configured",
                "Set CallVault:Vapi:AuthMode and CallVault:Vapi:Secret.")),
            VapiAuthOutcome.Missing => (null, Problem(StatusCodes.Status401Unauthorized, "Missing credentials",
                "The request does not carry the configured Vapi credential.")),
            VapiAuthOutcome.Stale => (null, Problem(StatusCodes.Status401Unauthorized, "Stale or unreadable timestamp",
                "The signature timestamp is unreadable or outside the allowed window.")),
            _ => (null, Problem(StatusCodes.Status403Forbidden, "Invalid credentials",
                "The Vapi credential does not match.")),
        };
    }

    public static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title);

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType is { } mediaType
        && (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static async Task<ReadOnlyMemory<byte>?> ReadBoundedAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[Math.Min(maxBytes + 1, 64 * 1024)];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (buffer.Length > maxBytes)
                {
                    return null;
                }

                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, maxBytes + 1));
            }

            var read = await body.ReadAsync(buffer.AsMemory(total), cancellationToken);
            if (read == 0)
            {
                return buffer.AsMemory(0, total);
            }

            total += read;
        }
    }
}
