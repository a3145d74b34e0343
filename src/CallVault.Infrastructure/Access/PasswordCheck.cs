using CallVault.Core.Access;

namespace CallVault.Infrastructure.Access;

/// <summary>The result of checking a name and password against the stored users.</summary>
public abstract record PasswordCheck
{
    private PasswordCheck()
    {
    }

    public sealed record Valid(DashboardUser User) : PasswordCheck;

    /// <summary>Unknown name or wrong password (the caller cannot tell which).</summary>
    public sealed record Invalid : PasswordCheck;

    /// <summary>Too many failed attempts; no password is checked until <paramref name="Until"/>.</summary>
    public sealed record LockedOut(DateTime Until) : PasswordCheck;
}
