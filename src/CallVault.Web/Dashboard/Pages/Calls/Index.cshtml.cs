using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Search;
using CallVault.Web.Api;
using CallVault.Web.Calls;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CallVault.Web.Dashboard.Pages.Calls;

/// <summary>Calls, newest first (or most relevant first when searching what was said), with the same filters and paging as <c>GET /api/calls</c>.</summary>
internal sealed class IndexModel(CallVaultDbContext db, ICallTextSearch search) : PageModel
{
    public const int PageSize = 25;

    public static readonly string[] Directions = ["inbound", "outbound-api", "outbound-dial"];

    public static readonly string[] Statuses = ["completed", "in-progress", "ringing", "busy", "no-answer", "failed", "canceled"];

    /// <summary>The recording states a user can pick, with the words the page shows for them.</summary>
    public static readonly (string Value, string Label)[] RecordingChoices =
    [
        (RecordingStates.Stored, "stored"),
        (RecordingStates.Processing, "in progress"),
        (RecordingStates.Failed, "failed"),
        (RecordingStates.None, "no recording"),
    ];

    /// <summary>Words said on the call (transcripts and summaries).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Phone { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Direction { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    /// <summary>Where the call's recording is: one of <see cref="RecordingStates"/>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Recording { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public IReadOnlyList<CallListItemDto> Calls { get; private set; } = [];

    public string? NextCursor { get; private set; }

    public string? Error { get; private set; }

    public bool Filtered => !string.IsNullOrEmpty(Q) || !string.IsNullOrEmpty(Phone) || From is not null || To is not null || !string.IsNullOrEmpty(Direction) || !string.IsNullOrEmpty(Status) || !string.IsNullOrEmpty(Recording);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Section"] = "calls";
        if (From is { } from && To is { } to && to < from)
        {
            Error = "The end date is before the start date; swap them or clear one.";
            return;
        }

        // "To" is a whole day: up to the start of the next one.
        var result = await CallEndpoints.ListAsync(
            db, search, Phone, From?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), To?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            Direction, Status, Recording, Q, Cursor, PageSize, cancellationToken);
        switch (result.Result)
        {
            case Ok<Page<CallListItemDto>> ok:
                Calls = ok.Value!.Items;
                NextCursor = ok.Value.NextCursor;
                break;
            case ProblemHttpResult problem:
                Error = $"{problem.ProblemDetails.Detail} Start again from the newest calls.";
                break;
        }
    }

    public CallTable Table => new(Calls, Live: Cursor is null, !string.IsNullOrWhiteSpace(Q)
        ? $"No call says “{Q.Trim()}”. Check the spelling, try another word from the call, or clear the search; a call is found by its words once its transcript is done."
        : Filtered
        ? "No call matches these filters. Widen the dates or clear a filter."
        : "No calls yet. Point your provider's recording and call-status webhooks at this server (see the README); calls appear here as they arrive.");

    public string? PageLink(string? cursor) => Url.Page("/Calls/Index", new { Q, Phone, From, To, Direction, Status, Recording, Cursor = cursor });
}
