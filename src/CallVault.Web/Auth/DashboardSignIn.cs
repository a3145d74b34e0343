using System.Security.Claims;
using CallVault.Core.Access;
using CallVault.Infrastructure.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallVault.Web.Auth;

/// <summary>
/// Signs dashboard users in and out with the cookie scheme. Counts failures per account (lockout)
/// and attempts per client address, so the page that calls it needs no logic of its own.
/// </summary>
public sealed partial class DashboardSignIn
{
    private readonly UserAccounts _users;
    private readonly SignInThrottle _throttle;
    private readonly IOptionsMonitor<AuthOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DashboardSignIn> _logger;

    internal DashboardSignIn(UserAccounts users, SignInThrottle throttle, IOptionsMonitor<AuthOptions> options, TimeProvider time, ILogger<DashboardSignIn> logger)
    {
        _users = users;
        _throttle = throttle;
        _options = options;
        _time = time;
        _logger = logger;
    }

    public async Task<SignInOutcome> SignInAsync(HttpContext http, string userName, string password, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (_throttle.TryAcquire(address) is { } wait)
        {
            LogThrottled(_logger, address);
            return SignInOutcome.LockedOut(wait);
        }

        userName = (userName ?? string.Empty).Trim();
        password ??= string.Empty;
        if (userName.Length == 0 || password.Length == 0)
        {
            return SignInOutcome.InvalidCredentials;
        }

        var options = _options.CurrentValue;
        var lockout = new LockoutPolicy(options.MaxFailedSignIns, TimeSpan.FromMinutes(options.LockoutMinutes));
        switch (await _users.CheckPasswordAsync(userName, password, lockout, ct))
        {
            case PasswordCheck.Valid valid:
                await http.SignInAsync(AuthSchemes.Cookie, PrincipalFor(valid.User), new AuthenticationProperties { IsPersistent = false });
                LogSignedIn(_logger, valid.User.Name, address);
                return SignInOutcome.Succeeded;
            case PasswordCheck.LockedOut locked:
                LogLockedOut(_logger, address);
                return SignInOutcome.LockedOut(locked.Until - _time.GetUtcNow().UtcDateTime);
            default:
                LogFailed(_logger, address);
                return SignInOutcome.InvalidCredentials;
        }
    }

    public Task SignOutAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.SignOutAsync(AuthSchemes.Cookie);
    }

    internal static ClaimsPrincipal PrincipalFor(DashboardUser user) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, user.Name),
            new Claim(ClaimTypes.Role, user.Role),
            new Claim(DashboardClaims.UserId, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(DashboardClaims.Stamp, user.SecurityStamp),
        ],
        "user"));

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Dashboard user {UserName} signed in from {Address}")]
    private static partial void LogSignedIn(ILogger logger, string userName, string address);

    // The name typed is not logged: people type passwords into the name field.
    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Failed dashboard sign-in from {Address}")]
    private static partial void LogFailed(ILogger logger, string address);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "Dashboard sign-in refused from {Address}: account locked after repeated failures")]
    private static partial void LogLockedOut(ILogger logger, string address);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "Dashboard sign-in refused from {Address}: too many attempts from this address")]
    private static partial void LogThrottled(ILogger logger, string address);
}
