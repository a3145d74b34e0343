using Microsoft.AspNetCore.Http;

namespace CallVault.Web.Hardening;

/// <summary>
/// Headers on every response (pages above all): no sniffing, no framing, no referrer leaking
/// ids to other sites, and a CSP that allows only this origin's scripts. Inline style attributes
/// are allowed (server-drawn bars and charts use them); inline and foreign scripts are not.
/// A page that needs something else sets its own header first.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; " +
        "media-src 'self' blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static Task AddAsync(HttpContext context, Func<Task> next)
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpContext)state).Response.Headers;
            headers.TryAdd("X-Content-Type-Options", "nosniff");
            // Overwritten: antiforgery sets SAMEORIGIN on pages with forms; nothing here is meant to be framed.
            headers.XFrameOptions = "DENY";
            headers.TryAdd("Referrer-Policy", "no-referrer");
            headers.TryAdd("Content-Security-Policy", ContentSecurityPolicy);
            return Task.CompletedTask;
        }, context);
        return next();
    }
}
