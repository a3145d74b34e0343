using CallVault.Core.Access;

namespace CallVault.Web.Access;

/// <summary>A dashboard user as listed: never the password hash.</summary>
internal sealed record UserDto(long Id, string Name, string Role, DateTime CreatedAt, DateTime? LastSignInAt, DateTime? LockedUntil)
{
    public static UserDto FromEntity(DashboardUser u) => new(u.Id, u.Name, u.Role, u.CreatedAt, u.LastSignInAt, u.LockedUntil);
}
