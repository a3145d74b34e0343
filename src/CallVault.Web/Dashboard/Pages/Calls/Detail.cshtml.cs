using CallVault.Core.Recordings;
using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Pipeline;
using CallVault.Web.Auth;
using CallVault.Web.Calls;
using CallVault.Web.Recordings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CallVault.Web.Dashboard.Pages.Calls;

/// <summary>One call: legs, each recording's stages, player, waveform, transcript, summary; admin actions.</summary>
internal sealed class DetailModel(CallVaultDbContext db, IAuthorizationService authorization) : PageModel
{
    private const int AuditRows = 20;

    public CallDto? Call { get; private set; }

    public bool IsAdmin { get; private set; }

    public IReadOnlyDictionary<Guid, IReadOnlyList<DownloadAuditDto>> Downloads { get; private set; } = new Dictionary<Guid, IReadOnlyList<DownloadAuditDto>>();

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        ViewData["Section"] = "calls";
        IsAdmin = (await authorization.AuthorizeAsync(User, Roles.CanAdmin)).Succeeded;
        var call = await db.Calls.AsNoTracking().Include(c => c.Legs).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (call is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        var recordings = await db.Recordings.AsNoTracking().Include(r => r.Stages)
            .Where(r => r.CallId == id).OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken);
        Call = CallDto.FromEntity(call, recordings);
        if (IsAdmin)
        {
            var ids = recordings.Select(r => r.Id).ToList();
            var audits = await db.DownloadAudits.AsNoTracking().Where(a => ids.Contains(a.RecordingId))
                .OrderByDescending(a => a.Id).Take(AuditRows * Math.Max(1, ids.Count)).ToListAsync(cancellationToken);
            Downloads = audits.GroupBy(a => a.RecordingId)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<DownloadAuditDto>)[.. g.Take(AuditRows).Select(DownloadAuditDto.FromEntity)]);
        }

        return Page();
    }

    public Task<IActionResult> OnPostRetryAsync(Guid id, Guid recordingId, string? stage, [FromServices] RecordingRetry retry, CancellationToken cancellationToken) =>
        AsAdminAsync(id, async () =>
        {
            var result = await RecordingEndpoints.RetryAsync(recordingId, stage, retry, db, cancellationToken);
            return result.Result is ProblemHttpResult problem
                ? problem.ProblemDetails.Detail
                : stage is null ? "Retrying the failed stages." : $"Retrying {Display.StageLabel(stage)}.";
        });

    public Task<IActionResult> OnPostHoldAsync(Guid id, Guid recordingId, string? reason, [FromServices] TimeProvider time, CancellationToken cancellationToken) =>
        AsAdminAsync(id, async () =>
        {
            var result = await RecordingAdminEndpoints.SetHoldAsync(recordingId, new LegalHoldRequest(reason), HttpContext, db, time, cancellationToken);
            return result.Result is ProblemHttpResult problem ? problem.ProblemDetails.Detail : "Legal hold set: retention will not delete this recording.";
        });

    public Task<IActionResult> OnPostReleaseAsync(Guid id, Guid recordingId, [FromServices] TimeProvider time, CancellationToken cancellationToken) =>
        AsAdminAsync(id, async () =>
        {
            var result = await RecordingAdminEndpoints.ClearHoldAsync(recordingId, HttpContext, db, time, cancellationToken);
            return result.Result is ProblemHttpResult problem ? problem.ProblemDetails.Detail : "Legal hold released.";
        });

    public static string StagesVersion(RecordingDto r) =>
        $"{r.Status}|{r.LegalHold is not null}|" + string.Join(",", r.Stages.Select(s => $"{s.Key}:{s.Value.Status}:{s.Value.Attempts}"));

    public static bool Playable(RecordingDto r) => r.Status == RecordingStatus.Stored && r.DeletedAt is null;

    /// <summary>Admin actions answer 403 to anyone else, whatever the page showed them; then back to the call (post/redirect/get).</summary>
    private async Task<IActionResult> AsAdminAsync(Guid id, Func<Task<string?>> action)
    {
        if (!(await authorization.AuthorizeAsync(User, Roles.CanAdmin)).Succeeded)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Notice = await action();
        return RedirectToPage("/Calls/Detail", new { id });
    }
}
