using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CallVault.Web.Errors;

/// <summary>
/// The one place exceptions become responses: malformed requests are 4xx, a database or storage
/// that cannot take the write is 503 (so a provider retries), and nothing echoes internals.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : "The request could not be read."),
            DbException or DbUpdateException or InvalidOperationException { InnerException: DbException } or TimeoutException or IOException
                => (StatusCodes.Status503ServiceUnavailable, "Service unavailable", "The database or storage could not take the request; try again."),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => (499, "Client closed request", string.Empty),
            _ => (StatusCodes.Status500InternalServerError, "Unexpected error", "The request failed; the error was logged."),
        };

        if (status >= 500)
        {
            // The route pattern, not the path: paths carry phone numbers and playback tokens.
            var route = (httpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
            LogFailure(logger, httpContext.Request.Method, route, status, exception);
        }

        if (httpContext.Response.HasStarted || status == 499)
        {
            return true;
        }

        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "5";
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    [LoggerMessage(EventId = 900, Level = LogLevel.Error, Message = "{Method} {Route} failed with {Status}")]
    private static partial void LogFailure(ILogger logger, string method, string route, int status, Exception exception);
}
