using Microsoft.Extensions.Options;

namespace CallVault.Web.Webhooks;

internal sealed class VoiceOptionsValidator : IValidateOptions<VoiceOptions>
{
    public ValidateOptionsResult Validate(string? name, VoiceOptions options) =>
        string.IsNullOrEmpty(options.DialTarget) || DialTarget.TryParse(options.DialTarget, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                "CallVault:Voice:DialTarget must be client:NAME (letters, digits, '_', '-', '.'), sip:USER@HOST or an E.164 number such as +14155550100.");
}
