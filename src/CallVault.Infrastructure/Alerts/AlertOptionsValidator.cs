using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Alerts;

internal sealed class AlertOptionsValidator : IValidateOptions<AlertOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertOptions options) =>
        options.Destination is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            ? ValidateOptionsResult.Fail("CallVault:Alerts:WebhookUrl must be an absolute http or https URL.")
            : ValidateOptionsResult.Success;
}
