using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Accounts;
using Portal.Web.Accounts;

namespace Portal.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Replaces Identity UI's page, which let whoever held a signed-in session guess the password
/// without limit. Here each wrong one counts towards the account's lockout, and the form is rate
/// limited per person (<see cref="Security.PortalRateLimiting"/>).
/// </summary>
public sealed class DeletePersonalDataModel(UserManager<PortalUser> users, AccountPasswords passwords) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool RequirePassword { get; private set; }

    public sealed class InputModel
    {
        [StringLength(200)]
        [DataType(DataType.Password)]
        public string? Password { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return NotFound();
        RequirePassword = await users.HasPasswordAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return NotFound();
        RequirePassword = await users.HasPasswordAsync(user);
        if (RequirePassword && string.IsNullOrEmpty(Input.Password))
            ModelState.AddModelError("Input.Password", "Enter your password");
        if (!ModelState.IsValid)
            return Page();
        var result = await passwords.DeleteAccountAsync(user, Input.Password,
            Url.Page("/Account/ForgotPassword", pageHandler: null, values: new { area = "Identity" }, protocol: Request.Scheme)!);
        return await this.AnswerAsync(result, () => RedirectToPage("/Index", new { area = "" }));
    }
}
