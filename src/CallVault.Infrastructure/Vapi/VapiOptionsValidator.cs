using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Vapi;

/// <summary>Cross-field rules: a mode needs a secret and a secret needs a mode; media hosts are bare <c>host[:port]</c>.</summary>
internal sealed class VapiOptionsValidator : IValidateOptions<VapiOptions>
{
    public ValidateOptionsResult Validate(string? name, VapiOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrEmpty(options.AuthMode) && string.IsNullOrEmpty(options.Secret))
        {
            failures.Add("CallVault:Vapi:Secret is required when CallVault:Vapi:AuthMode is set.");
        }

        if (string.IsNullOrEmpty(options.AuthMode) && !string.IsNullOrEmpty(options.Secret))
        {
            failures.Add("CallVault:Vapi:AuthMode must be set to 'bearer', 'hmac' or 'secret-header' when CallVault:Vapi:Secret is.");
        }

        foreach (var host in options.AllowedMediaHosts.Where(h => !VapiMediaHosts.IsWellFormedEntry(h)))
        {
            failures.Add($"CallVault:Vapi:AllowedMediaHosts entry '{host}' must be a host name or host:port, without scheme or path.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
