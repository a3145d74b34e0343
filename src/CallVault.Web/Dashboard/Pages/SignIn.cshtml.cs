using System.ComponentModel.DataAnnotations;
using CallVault.Web.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CallVault.Web.Dashboard.Pages;

/// <summary>The sign-in form; the checks (passwords, lockout, throttling) are <see cref="DashboardSignIn"/>'s.</summary>
internal sealed class SignInModel(DashboardSignIn signIn) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Type your user name.")]
    [StringLength(200)]
    public string UserName { get; set; } = string.Empty;

    [BindProperty]
    [Required(ErrorMessage = "Type your password.")]
    [StringLength(1000)]
    [DataType(DataType.Password)]
    public string Password { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Error = "Type your user name and password.";
            return Page();
        }

        var outcome = await signIn.SignInAsync(HttpContext, UserName, Password, cancellationToken);
        switch (outcome.Status)
        {
            case SignInStatus.Succeeded:
                return LocalRedirect(SafeReturnUrl);
            case SignInStatus.LockedOut:
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                var minutes = Math.Max(1, (int)Math.Ceiling(outcome.RetryAfter?.TotalMinutes ?? 1));
                Error = $"Too many attempts. Wait {minutes} minute(s) and try again, or ask an admin to check your account.";
                return Page();
            default:
                Response.StatusCode = StatusCodes.Status401Unauthorized;
                Error = "That user name and password do not match. Check them and try again.";
                return Page();
        }
    }

    /// <summary>Only a path on this site, so the form cannot send anyone elsewhere.</summary>
    private string SafeReturnUrl => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) && !ReturnUrl.StartsWith("/signin", StringComparison.OrdinalIgnoreCase) ? ReturnUrl : "/";
}
