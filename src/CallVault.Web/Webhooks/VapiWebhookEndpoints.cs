using System.Text;
using CallVault.Core.Vapi;
using CallVault.Infrastructure.Ingestion;
using CallVault.Infrastructure.Vapi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CallVault.Web.Webhooks;

/// <summary>
/// <c>POST /webhooks/vapi</c>: credentials first, then one durable write, then 204. Only an
/// <c>end-of-call-report</c> is written; any other message type is acknowledged with 204 and not
/// stored (Vapi sends many per call — status updates, transcripts, speech events — and none carries
/// the recording). A database that cannot commit surfaces as 503 through the exception handler.
/// </summary>
internal static class VapiWebhookEndpoints
{
    public static IEndpointRouteBuilder MapVapiWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/webhooks/vapi", HandleAsync).AllowAnonymous().WithTags("Webhooks");
        return app;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        HttpContext context,
        VapiAuthenticator authenticator,
        IngestionWriter writer,
        IOptionsMonitor<VapiOptions> vapi,
        CancellationToken cancellationToken)
    {
        var (body, error) = await VapiWebhookReader.ReadAsync(context, vapi.CurrentValue, authenticator, cancellationToken);
        if (body is not { } raw)
        {
            return error!;
        }

        if (!VapiServerMessage.TryParse(raw, out var message, out var parseError))
        {
            return VapiWebhookReader.Problem(StatusCodes.Status400BadRequest, "Malformed Vapi server message", parseError!);
        }

        if (message!.EndOfCallReport is { } report)
        {
            await writer.WriteAsync(new VapiEndOfCallReportEvent(report, Encoding.UTF8.GetString(raw.Span)), cancellationToken);
        }

        return TypedResults.NoContent();
    }
}
