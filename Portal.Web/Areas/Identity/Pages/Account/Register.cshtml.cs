using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Data;

namespace Portal.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces Identity UI's registration page, which shows developers' notes about external logins
/// to the public. Same flow: create, email a confirmation link, wait for it.
/// </summary>
[AllowAnonymous]
public sealed class RegisterModel(
    UserManager<PortalUser> users,
    IEmailSender emailSender,
    PortalDbContext db,
    TimeProvider time,
    ILogger<RegisterModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string ReturnUrl { get; private set; } = "/";

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address")]
        [EmailAddress(ErrorMessage = "Enter an email address like name@example.com")]
        [StringLength(256)]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter a password")]
        [StringLength(200, MinimumLength = 12, ErrorMessage = "Your password must be at least 12 characters long")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = "The two passwords do not match")]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet(string? returnUrl = null) => ReturnUrl = SafeReturnUrl(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        if (!ModelState.IsValid)
            return Page();

        // The account and its confirmation email commit together: no account without its email.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = new PortalUser { UserName = Input.Email, Email = Input.Email, CreatedUtc = time.GetUtcNow().UtcDateTime };
        var result = await users.CreateAsync(user, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(string.Empty, error.Description);
            return Page();
        }

        logger.LogInformation("New account created");
        await users.AddToRoleAsync(user, PortalRoles.Learner);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
        var link = Url.Page("/Account/ConfirmEmail", pageHandler: null, values: new { area = "Identity", userId = user.Id, code, returnUrl = ReturnUrl }, protocol: Request.Scheme)!;
        await emailSender.SendEmailAsync(Input.Email, "Confirm your email",
            $"Please confirm your account by <a href='{HtmlEncoder.Default.Encode(link)}'>clicking here</a>.");
        await transaction.CommitAsync();
        return RedirectToPage("RegisterConfirmation", new { email = Input.Email, returnUrl = ReturnUrl });
    }

    private string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
