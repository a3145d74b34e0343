using CallVault.Core.Phones;
using CallVault.Infrastructure.Persistence;
using CallVault.Web.Api;
using CallVault.Web.Calls;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CallVault.Web.Dashboard.Pages.Leads;

/// <summary>Every call with one phone number, both directions: the same query as <c>GET /api/phones/{number}/calls</c>.</summary>
internal sealed class IndexModel(CallVaultDbContext db, CallVault.Infrastructure.Search.ICallTextSearch search) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Number { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public string? Normalized { get; private set; }

    public IReadOnlyList<CallListItemDto> Calls { get; private set; } = [];

    public string? NextCursor { get; private set; }

    public string? Error { get; private set; }

    public int Inbound => Calls.Count(c => c.Direction == "inbound");

    public int Outbound => Calls.Count(c => c.Direction?.StartsWith("outbound", StringComparison.Ordinal) == true);

    public CallTable Table => new(Calls, Live: Cursor is null, $"No call with {Normalized} yet. Check the number (with its country code, e.g. +15551230000).");

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Section"] = "leads";
        if (string.IsNullOrWhiteSpace(Number))
        {
            return Page();
        }

        Normalized = PhoneNumber.Normalize(Number);
        if (Normalized is null)
        {
            Error = "That does not look like a phone number. Type it with its country code, e.g. +15551230000.";
            return Page();
        }

        if (Normalized != Number)
        {
            // One address per number, whatever way it was typed.
            return RedirectToPage("/Leads/Index", new { number = Normalized });
        }

        var result = await CallEndpoints.ListAsync(db, search, Normalized, null, null, null, null, null, null, Cursor, PageSize, cancellationToken);
        switch (result.Result)
        {
            case Ok<Page<CallListItemDto>> ok:
                Calls = ok.Value!.Items;
                NextCursor = ok.Value.NextCursor;
                break;
            case ProblemHttpResult problem:
                Error = problem.ProblemDetails.Detail;
                break;
        }

        return Page();
    }
}
