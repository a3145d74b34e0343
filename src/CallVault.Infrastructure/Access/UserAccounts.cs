using CallVault.Core.Access;
using CallVault.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Infrastructure.Access;

/// <summary>Dashboard users: passwords hashed with ASP.NET Core's <see cref="PasswordHasher{TUser}"/>, lockout counted in the database.</summary>
public sealed class UserAccounts(IDbContextFactory<CallVaultDbContext> dbFactory, TimeProvider time)
{
    public const int MaxNameLength = 100;
    public const int MinPasswordLength = 12;
    public const int MaxPasswordLength = 1024;

    private static readonly PasswordHasher<DashboardUser> Hasher = new();

    /// <summary>Checked against when the name is unknown, so both cases take as long.</summary>
    private static readonly Lazy<string> DecoyHash = new(() => Hasher.HashPassword(null!, Guid.NewGuid().ToString("N")));

    /// <summary>Null when the name is taken.</summary>
    public async Task<DashboardUser?> AddAsync(string name, string role, string password, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!AccessRoles.IsKnown(role))
        {
            throw new ArgumentException($"unknown role '{role}'", nameof(role));
        }

        if (password.Length is < MinPasswordLength or > MaxPasswordLength)
        {
            throw new ArgumentException($"the password must be {MinPasswordLength} to {MaxPasswordLength} characters", nameof(password));
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.DashboardUsers.AnyAsync(u => u.Name == name, cancellationToken))
        {
            return null;
        }

        var user = new DashboardUser
        {
            Name = name,
            Role = role,
            PasswordHash = string.Empty,
            CreatedAt = time.GetUtcNow().UtcDateTime,
            SecurityStamp = NewStamp(),
        };
        user.PasswordHash = Hasher.HashPassword(user, password);
        db.DashboardUsers.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            return null;
        }

        return user;
    }

    public async Task<DashboardUser?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.DashboardUsers.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
    }

    public async Task<PasswordCheck> CheckPasswordAsync(string name, string password, LockoutPolicy lockout, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = name.Length <= MaxNameLength
            ? await db.DashboardUsers.FirstOrDefaultAsync(u => u.Name == name, cancellationToken)
            : null;
        var now = time.GetUtcNow().UtcDateTime;
        if (user is null || password.Length > MaxPasswordLength)
        {
            Hasher.VerifyHashedPassword(null!, DecoyHash.Value, password.Length > MaxPasswordLength ? string.Empty : password);
            return new PasswordCheck.Invalid();
        }

        if (user.LockedUntil > now)
        {
            return new PasswordCheck.LockedOut(user.LockedUntil.Value);
        }

        var verdict = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            return await CountFailureAsync(db, user.Id, lockout, now, cancellationToken);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = Hasher.HashPassword(user, password);
        }

        user.FailedAttempts = 0;
        user.LockedUntil = null;
        user.LastSignInAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return new PasswordCheck.Valid(user);
    }

    /// <summary>Counted in SQL so parallel guesses cannot slip past the limit.</summary>
    private static async Task<PasswordCheck> CountFailureAsync(CallVaultDbContext db, long userId, LockoutPolicy lockout, DateTime now, CancellationToken cancellationToken)
    {
        await db.DashboardUsers.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.FailedAttempts, u => u.FailedAttempts + 1), cancellationToken);
        var until = now + lockout.Duration;
        var locked = await db.DashboardUsers
            .Where(u => u.Id == userId && u.FailedAttempts >= lockout.MaxFailedAttempts)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockedUntil, until).SetProperty(u => u.FailedAttempts, 0), cancellationToken);
        return locked > 0 ? new PasswordCheck.LockedOut(until) : new PasswordCheck.Invalid();
    }

    private static string NewStamp() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}
