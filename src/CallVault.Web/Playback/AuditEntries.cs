using CallVault.Core.Audit;
using Microsoft.AspNetCore.Http;

namespace CallVault.Web.Playback;

/// <summary>An audit row for one request: the caller's address and client, and the bytes it asked for.</summary>
internal static class AuditEntries
{
    public static DownloadAudit ForRequest(HttpContext context, Guid recordingId, string actor, string via) => new()
    {
        RecordingId = recordingId,
        Actor = actor,
        Via = via,
        ClientAddress = context.Connection.RemoteIpAddress?.ToString(),
        UserAgent = Truncate(context.Request.Headers.UserAgent.ToString(), 256),
        Range = Truncate(context.Request.Headers.Range.ToString(), 100),
    };

    private static string? Truncate(string value, int max) =>
        string.IsNullOrEmpty(value) ? null : value.Length <= max ? value : value[..max];
}
