using System.Data.Common;
using CallVault.Core.Access;
using CallVault.Infrastructure.Access;
using CallVault.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CallVault.Web.Audit;

/// <summary>
/// Writes one audit row for every state-changing request to an admin route by an authenticated
/// caller (refused ones too: a viewer trying is worth knowing). Runs before authorization so it
/// also sees the 403s. Anonymous requests are not written, so a flood cannot fill the table.
/// </summary>
internal sealed partial class AdminAuditMiddleware(RequestDelegate next, AdminAuditLog log, ILogger<AdminAuditMiddleware> logger)
{
    private const int MaxFieldLength = 200;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is not RouteEndpoint endpoint
            || IsReadOnly(context.Request.Method)
            || !RequiresAdmin(endpoint)
            || context.User.Identity?.IsAuthenticated != true)
        {
            await next(context);
            return;
        }

        var status = StatusCodes.Status500InternalServerError;
        try
        {
            await next(context);
            status = context.Response.StatusCode;
        }
        finally
        {
            await WriteAsync(context, endpoint, status);
        }
    }

    internal static bool RequiresAdmin(Endpoint endpoint) =>
        endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == Roles.CanAdmin);

    private static bool IsReadOnly(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);

    private async Task WriteAsync(HttpContext context, RouteEndpoint endpoint, int status)
    {
        var target = string.Join(", ", context.Request.RouteValues.Select(v => $"{v.Key}={v.Value}"));
        var entry = new AdminAuditEntry
        {
            Actor = Actors.Of(context.User),
            Action = $"{context.Request.Method} {endpoint.RoutePattern.RawText}",
            Target = Cap(target.Length == 0 ? null : target),
            ClientAddress = context.Connection.RemoteIpAddress?.ToString(),
            UserAgent = Cap(context.Request.Headers.UserAgent.ToString()),
            StatusCode = status,
        };
        try
        {
            // Not the request's token: the action happened, so its record must be written even if the client left.
            await log.WriteAsync(entry, CancellationToken.None);
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException)
        {
            LogAuditWriteFailed(logger, entry.Action, ex);
        }
    }

    private static string? Cap(string? value) =>
        string.IsNullOrEmpty(value) ? null : value.Length <= MaxFieldLength ? value : value[..MaxFieldLength];

    [LoggerMessage(EventId = 7101, Level = LogLevel.Error, Message = "Could not write the audit row for {Action}")]
    private static partial void LogAuditWriteFailed(ILogger logger, string action, Exception exception);
}
