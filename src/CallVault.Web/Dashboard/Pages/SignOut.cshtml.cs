using CallVault.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CallVault.Web.Dashboard.Pages;

/// <summary>Ends the session (POST with an antiforgery token only: a link cannot sign anyone out).</summary>
internal sealed class SignOutModel(DashboardSignIn signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync(HttpContext);
        return Redirect("/signin");
    }
}
