using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Accounts;
using Portal.Web.Accounts;

namespace Portal.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Replaces Identity UI's page, which let whoever held a signed-in session guess the current
/// password without limit. Here each wrong one counts towards the account's lockout, and the form
/// is rate limited per person (<see cref="Security.PortalRateLimiting"/>).
/// </summary>
public sealed class ChangePasswordModel(UserManager<PortalUser> users, AccountPasswords passwords) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your current password")]
        [StringLength(200)]
        [DataType(DataType.Password)]
        [Display(Name = "Current password")]
        public string OldPassword { get; set; } = "";

        [Required(ErrorMessage = "Enter a new password")]
        [StringLength(200, MinimumLength = 12, ErrorMessage = "Your new password must be at least 12 characters long")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Type your new password again to confirm it")]
        [DataType(DataType.Password)]
        [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords do not match")]
        [Display(Name = "Confirm new password")]
        public string ConfirmPassword { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return NotFound();
        return await users.HasPasswordAsync(user) ? Page() : RedirectToPage("./SetPassword");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();
        var user = await users.GetUserAsync(User);
        if (user is null)
            return NotFound();
        var result = await passwords.ChangeAsync(user, Input.OldPassword, Input.NewPassword,
            Url.Page("/Account/ForgotPassword", pageHandler: null, values: new { area = "Identity" }, protocol: Request.Scheme)!);
        return await this.AnswerAsync(result, () =>
        {
            StatusMessage = "Your password has been changed.";
            return RedirectToPage();
        });
    }
}
