using CallVault.Core.Twilio;
using CallVault.Infrastructure.Ingestion;
using CallVault.Infrastructure.Twilio;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CallVault.Web.Webhooks;

/// <summary>
/// Twilio callbacks: signature first, then one durable write, then 2xx. Processing happens later,
/// from the job queue. A database that cannot commit surfaces as 503 (see the exception handler),
/// so Twilio's own retry still applies.
/// </summary>
internal static class TwilioWebhookEndpoints
{
    private delegate bool Parser<T>(IReadOnlyDictionary<string, string> form, out T? value, out string? error);

    public static IEndpointRouteBuilder MapTwilioWebhooks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/webhooks/twilio").AllowAnonymous().WithTags("Webhooks");
        group.MapPost("/recording", (HttpContext context, TwilioWebhookReader reader, IngestionWriter writer, IOptionsMonitor<TwilioOptions> twilio, CancellationToken cancellationToken) =>
            IngestAsync<TwilioRecordingCallback>(context, reader, writer, twilio, "recording", TwilioRecordingCallback.TryParse,
                c => c.AccountSid, (c, raw) => new TwilioRecordingEvent(c, raw), cancellationToken));
        group.MapPost("/call-status", (HttpContext context, TwilioWebhookReader reader, IngestionWriter writer, IOptionsMonitor<TwilioOptions> twilio, CancellationToken cancellationToken) =>
            IngestAsync<TwilioCallStatusCallback>(context, reader, writer, twilio, "call status", TwilioCallStatusCallback.TryParse,
                c => c.AccountSid, (c, raw) => new TwilioCallStatusEvent(c, raw), cancellationToken));
        return app;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> IngestAsync<T>(
        HttpContext context,
        TwilioWebhookReader reader,
        IngestionWriter writer,
        IOptionsMonitor<TwilioOptions> twilio,
        string kind,
        Parser<T> parse,
        Func<T, string> accountOf,
        Func<T, string, IIngestCommand> toCommand,
        CancellationToken cancellationToken)
    {
        var (form, error) = await reader.ReadAsync(context, cancellationToken);
        if (form is null)
        {
            return error!;
        }

        if (!parse(form.FirstValues, out var callback, out var parseError))
        {
            return TwilioWebhookReader.Problem(StatusCodes.Status400BadRequest, $"Malformed {kind} callback", parseError!);
        }

        if (accountOf(callback!) != twilio.CurrentValue.AccountSid)
        {
            return TwilioWebhookReader.Problem(StatusCodes.Status403Forbidden, "Unknown account", "The callback is for a different Twilio account.");
        }

        await writer.WriteAsync(toCommand(callback!, form.RawBody), cancellationToken);
        return TypedResults.NoContent();
    }
}
