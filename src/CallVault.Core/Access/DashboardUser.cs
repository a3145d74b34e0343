namespace CallVault.Core.Access;

/// <summary>A person who signs in to the dashboard with a name and password.</summary>
public sealed class DashboardUser
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public required string Role { get; set; }

    /// <summary>ASP.NET Core Identity's <c>PasswordHasher</c> format (PBKDF2, salted, versioned).</summary>
    public required string PasswordHash { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Failed attempts since the last success or lockout.</summary>
    public int FailedAttempts { get; set; }
    public DateTime? LockedUntil { get; set; }
    public DateTime? LastSignInAt { get; set; }

    /// <summary>Changes when the password or role changes, which ends existing sessions.</summary>
    public required string SecurityStamp { get; set; }
}
