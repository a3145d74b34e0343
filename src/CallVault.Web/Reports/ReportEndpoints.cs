using CallVault.Infrastructure.Persistence;
using CallVault.Web.Api;
using CallVault.Web.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Web.Reports;

internal static class ReportEndpoints
{
    private const int MaxDays = 366;

    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(Roles.CanView)
            .MapGet("/completeness", CompletenessAsync);
        return app;
    }

    /// <summary>Answered calls per day and direction against those with a recording (UTC days, <c>to</c> exclusive).</summary>
    private static async Task<Results<Ok<IReadOnlyList<CompletenessRow>>, ProblemHttpResult>> CompletenessAsync(
        CallVaultDbContext db, TimeProvider time, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var until = to ?? today.AddDays(1);
        var since = from ?? until.AddDays(-7);
        if (since >= until || until.DayNumber - since.DayNumber > MaxDays)
        {
            return ApiProblems.BadRequest($"from must be before to, at most {MaxDays} days apart.");
        }

        var start = since.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = until.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var calls = await db.Calls.AsNoTracking()
            .Where(c => c.StartedAt >= start && c.StartedAt < end && c.Status == "completed" && c.DurationSeconds > 0)
            .Select(c => new { c.StartedAt, c.Direction, HasRecording = db.Recordings.Any(r => r.CallId == c.Id) })
            .ToListAsync(cancellationToken);
        IReadOnlyList<CompletenessRow> rows = [.. calls
            .GroupBy(c => (Day: DateOnly.FromDateTime(c.StartedAt), Direction: c.Direction ?? "unknown"))
            .OrderBy(g => g.Key.Day).ThenBy(g => g.Key.Direction, StringComparer.Ordinal)
            .Select(g => new CompletenessRow(g.Key.Day, g.Key.Direction, g.Count(), g.Count(c => c.HasRecording), g.Count(c => !c.HasRecording)))];
        return TypedResults.Ok(rows);
    }
}
