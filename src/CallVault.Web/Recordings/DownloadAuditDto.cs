using CallVault.Core.Audit;

namespace CallVault.Web.Recordings;

public sealed record DownloadAuditDto(
    long Id, DateTime At, string Actor, string Via, string? ClientAddress, string? UserAgent, string? Range, long? BytesSent, int? StatusCode)
{
    public static DownloadAuditDto FromEntity(DownloadAudit a) =>
        new(a.Id, a.At, a.Actor, a.Via, a.ClientAddress, a.UserAgent, a.Range, a.BytesSent, a.StatusCode);
}
