using CallVault.Core.Access;

namespace CallVault.Web.Audit;

internal sealed record AdminAuditDto(long Id, DateTime At, string Actor, string Action, string? Target, string? ClientAddress, string? UserAgent, int? StatusCode)
{
    public static AdminAuditDto FromEntity(AdminAuditEntry a) => new(a.Id, a.At, a.Actor, a.Action, a.Target, a.ClientAddress, a.UserAgent, a.StatusCode);
}
