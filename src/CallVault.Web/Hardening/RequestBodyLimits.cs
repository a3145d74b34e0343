using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace CallVault.Web.Hardening;

/// <summary>
/// Per-route body limits. JSON API requests and page forms are small; a route that takes more says
/// so with <see cref="IRequestSizeLimitMetadata"/> or raises the limit itself before reading (the
/// upload endpoint does). Webhook readers bound their own bodies (Twilio 64 KiB, Vapi configurable).
/// </summary>
internal static class RequestBodyLimits
{
    public const long SmallBodyBytes = 64 * 1024;

    public static Task ApplyAsync(HttpContext context, Func<Task> next)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is null
            && !context.Request.Path.StartsWithSegments("/webhooks")
            && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = SmallBodyBytes;
        }

        return next();
    }
}
