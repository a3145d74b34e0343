using CallVault.Core.Twilio;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Twilio;

internal sealed class TwilioOptionsValidator : IValidateOptions<TwilioOptions>
{
    public ValidateOptionsResult Validate(string? name, TwilioOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrEmpty(options.AccountSid) && !TwilioSid.IsValid(options.AccountSid, TwilioSid.Account))
        {
            failures.Add("CallVault:Twilio:AccountSid must be 'AC' followed by 32 hexadecimal digits.");
        }

        if (string.IsNullOrEmpty(options.AccountSid) != string.IsNullOrEmpty(options.AuthToken))
        {
            failures.Add("CallVault:Twilio:AccountSid and CallVault:Twilio:AuthToken must be set together.");
        }

        if (!options.ApiBaseUrl.IsAbsoluteUri || options.ApiBaseUrl.Scheme is not ("https" or "http"))
        {
            failures.Add("CallVault:Twilio:ApiBaseUrl must be an absolute http(s) URL.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
