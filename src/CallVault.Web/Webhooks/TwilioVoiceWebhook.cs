using System.Text;
using CallVault.Infrastructure.Twilio;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CallVault.Web.Webhooks;

/// <summary>
/// <c>POST /webhooks/twilio/voice</c>: an incoming call, signed like every Twilio webhook, answered
/// with TwiML that dials the configured target and records both channels from answer. Nothing is
/// stored here: the call-status and recording callbacks the TwiML asks for carry the facts.
/// </summary>
internal static class TwilioVoiceWebhook
{
    public static IServiceCollection AddTwilioVoice(this IServiceCollection services)
    {
        services.AddOptions<VoiceOptions>().BindConfiguration(VoiceOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VoiceOptions>, VoiceOptionsValidator>());
        return services;
    }

    public static IEndpointRouteBuilder MapTwilioVoiceWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost("/webhooks/twilio/voice", AnswerAsync).AllowAnonymous().WithTags("Webhooks");
        return app;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> AnswerAsync(
        HttpContext context,
        TwilioWebhookReader reader,
        IOptionsMonitor<TwilioOptions> twilio,
        IOptionsMonitor<VoiceOptions> voice,
        IOptionsMonitor<CallVaultOptions> service,
        CancellationToken cancellationToken)
    {
        var (form, error) = await reader.ReadAsync(context, cancellationToken);
        if (form is null)
        {
            return error!;
        }

        if (form.FirstValues.TryGetValue("AccountSid", out var account) && account != twilio.CurrentValue.AccountSid)
        {
            return TwilioWebhookReader.Problem(StatusCodes.Status403Forbidden, "Unknown account", "The request is for a different Twilio account.");
        }

        if (!DialTarget.TryParse(voice.CurrentValue.DialTarget, out var target))
        {
            return TwilioWebhookReader.Problem(StatusCodes.Status503ServiceUnavailable, "Voice answering is not configured",
                "Set CallVault:Voice:DialTarget to client:NAME, sip:USER@HOST or an E.164 number.");
        }

        var publicBase = service.CurrentValue.PublicBaseUrl;
        var twiml = TwimlDial.Build(target,
            CallbackUrls.For(context.Request, publicBase, CallbackUrls.Recording),
            CallbackUrls.For(context.Request, publicBase, CallbackUrls.CallStatus));
        return TypedResults.Text(twiml, "text/xml", Encoding.UTF8);
    }
}
