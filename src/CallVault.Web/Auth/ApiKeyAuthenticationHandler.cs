using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using CallVault.Infrastructure.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallVault.Web.Auth;

/// <summary>
/// <c>Authorization: Bearer &lt;key&gt;</c>: the bootstrap admin key from configuration (compared in
/// constant time), or an issued key looked up by its prefix and checked against its stored hash.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<AuthOptions> authOptions,
    ApiKeyStore keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = AuthSchemes.ApiKey;

    /// <summary>Longer than any key this service issues or accepts; not worth hashing.</summary>
    private const int MaxKeyLength = 512;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var presented = header["Bearer ".Length..].Trim();
        if (presented.Length is 0 or > MaxKeyLength)
        {
            return AuthenticateResult.Fail("Invalid API key.");
        }

        var adminKey = authOptions.CurrentValue.AdminApiKey;
        if (!string.IsNullOrEmpty(adminKey) && KeysEqual(presented, adminKey))
        {
            return Success("bootstrap-admin", Roles.Admin, "bootstrap");
        }

        var issued = await keys.AuthenticateAsync(presented, Context.RequestAborted);
        return issued is null
            ? AuthenticateResult.Fail("Invalid API key.")
            : Success(issued.Name, issued.Role, issued.Prefix);
    }

    private AuthenticateResult Success(string name, string role, string keyId)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role), new Claim(ApiKeyClaims.KeyId, keyId)],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>Hashing first makes the comparison constant-time whatever the lengths.</summary>
    private static bool KeysEqual(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
