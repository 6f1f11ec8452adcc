using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Training;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Learn;

/// <summary>A printable certificate for one of the learner's own completions; anyone else's is not found.</summary>
public sealed class CertificateModel(ContentStore content, TrainingService training, UserManager<PortalUser> users) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your full name")]
    [StringLength(PortalUser.MaxDisplayNameLength, ErrorMessage = "Your name can be at most 100 characters")]
    public string Name { get; set; } = "";

    public Certificate Certificate { get; private set; } = null!;

    public string VerifyUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var certificate = await training.GetCertificateAsync(User.RequiredId(), id, content.Current, cancellationToken);
        if (certificate is null)
            return NotFound();
        Certificate = certificate;
        VerifyUrl = Verify.IndexModel.Link(this, certificate.Completion.VerificationCode);
        return Page();
    }

    /// <summary>An account made before names were asked for can add one here, where it is missed.</summary>
    public async Task<IActionResult> OnPostNameAsync(long id, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return await OnGetAsync(id, cancellationToken);
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        user.DisplayName = Name.Trim();
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
            throw new InvalidOperationException("Saving the name failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        TempData["StatusMessage"] = "Your name is on your certificates now.";
        return RedirectToPage(new { id });
    }
}
