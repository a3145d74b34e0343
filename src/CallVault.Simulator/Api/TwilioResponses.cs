using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CallVault.Simulator.Api;

/// <summary>Writes JSON bodies and Twilio-style errors (<c>{"code","message","more_info","status"}</c>).</summary>
internal static class TwilioResponses
{
    public const int NotFoundCode = 20404;
    public const int InvalidParameterCode = 20001;
    public const int CallNotInProgressCode = 21220;

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Task WriteJsonAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(body.ToJsonString(Json), context.RequestAborted);
    }

    public static Task WriteErrorAsync(HttpContext context, int status, int code, string message)
    {
        var body = new JsonObject
        {
            ["code"] = code,
            ["message"] = message,
            ["more_info"] = "https://www.twilio.com/docs/errors/" + code.ToString(CultureInfo.InvariantCulture),
            ["status"] = status,
        };
        return WriteJsonAsync(context, status, body);
    }

    public static Task NotFoundAsync(HttpContext context) =>
        WriteErrorAsync(context, StatusCodes.Status404NotFound, NotFoundCode,
            $"The requested resource {context.Request.Path} was not found");

    public static Task BadRequestAsync(HttpContext context, int code, string message) =>
        WriteErrorAsync(context, StatusCodes.Status400BadRequest, code, message);

    public static Task UnauthorizedAsync(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Basic realm=\"Twilio API\"";
        return WriteErrorAsync(context, StatusCodes.Status401Unauthorized, 20003, "Authenticate");
    }

    /// <summary>An injected 429/5xx; Twilio's throttling answers carry <c>Retry-After</c>.</summary>
    public static Task InjectedErrorAsync(HttpContext context, int status, bool retryAfter)
    {
        if (retryAfter)
        {
            context.Response.Headers.RetryAfter = "1";
        }

        var (code, message) = status switch
        {
            StatusCodes.Status429TooManyRequests => (20429, "Too Many Requests"),
            StatusCodes.Status502BadGateway => (20500, "Bad Gateway"),
            StatusCodes.Status503ServiceUnavailable => (20503, "Service Unavailable"),
            _ => (20500, "Internal Server Error"),
        };
        return WriteErrorAsync(context, status, code, message);
    }
}
