using System.Net.Http.Headers;
using System.Text;

namespace CallVault.Infrastructure.Twilio;

internal static class TwilioCredentials
{
    /// <summary>HTTP Basic with AccountSid:AuthToken — sent to the configured API host only.</summary>
    public static AuthenticationHeaderValue BasicAuth(TwilioOptions options) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.AccountSid}:{options.AuthToken}")));
}
