using Microsoft.AspNetCore.Http;

namespace CallVault.Web.Webhooks;

/// <summary>
/// Absolute URLs of CallVault's own webhooks, for the provider to call back: built on
/// <c>CallVault:PublicBaseUrl</c> when set (a proxy in front), else on the request's own base —
/// the same rule the signature check uses to rebuild the URL the provider called.
/// </summary>
internal static class CallbackUrls
{
    public const string Recording = "/webhooks/twilio/recording";
    public const string CallStatus = "/webhooks/twilio/call-status";

    public static string For(HttpRequest request, Uri? publicBaseUrl, string path)
    {
        var root = publicBaseUrl is null
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : publicBaseUrl.GetLeftPart(UriPartial.Path);
        return root.TrimEnd('/') + path;
    }
}
