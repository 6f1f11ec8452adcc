using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Accounts;
using Portal.Web.Accounts;

namespace Portal.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces Identity UI's registration page, which shows developers' notes about external logins
/// to the public and says when an address is already registered.
/// </summary>
[AllowAnonymous]
public sealed class RegisterModel(AccountRegistration registration) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string ReturnUrl { get; private set; } = "/";

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your full name")]
        [StringLength(PortalUser.MaxDisplayNameLength, ErrorMessage = "Your name can be at most 100 characters")]
        [Display(Name = "Full name")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Enter your email address")]
        [EmailAddress(ErrorMessage = "Enter an email address like name@example.com")]
        [StringLength(256, ErrorMessage = "Your email address must be 256 characters or fewer")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter a password")]
        [StringLength(200, MinimumLength = 12, ErrorMessage = "Your password must be at least 12 characters long")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Type your password again to confirm it")]
        [DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = "The two passwords do not match")]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet(string? returnUrl = null) => ReturnUrl = ReturnUrls.Safe(Url, returnUrl);

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        ReturnUrl = ReturnUrls.Safe(Url, returnUrl);
        if (!ModelState.IsValid)
            return Page();

        var result = await registration.RegisterAsync(
            Input.Name.Trim(),
            Input.Email,
            Input.Password,
            (userId, code) => Url.Page("/Account/ConfirmEmail", pageHandler: null, values: new { area = "Identity", userId, code, returnUrl = ReturnUrl }, protocol: Request.Scheme)!,
            Url.Page("/Account/Login", pageHandler: null, values: new { area = "Identity" }, protocol: Request.Scheme)!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(nameof(Input) + "." + (error.Code == AccountRegistration.InvalidName ? nameof(Input.Name) : nameof(Input.Password)), error.Description);
            return Page();
        }

        return RedirectToPage("RegisterConfirmation", new { email = Input.Email, returnUrl = ReturnUrl });
    }
}
