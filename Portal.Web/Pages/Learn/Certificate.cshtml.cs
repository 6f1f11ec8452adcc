using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Training;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Training;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Learn;

/// <summary>A printable certificate for one of the learner's own completions; anyone else's is not found.</summary>
public sealed class CertificateModel(ContentStore content, TrainingService training) : PageModel
{
    [BindProperty]
    public NameInput Input { get; set; } = new();

    public Certificate Certificate { get; private set; } = null!;

    public string VerifyUrl { get; private set; } = "";

    public sealed class NameInput
    {
        [Required(ErrorMessage = "Enter your full name")]
        [StringLength(Completion.MaxCertificateNameLength, ErrorMessage = "Your name can be at most 100 characters")]
        [Display(Name = "Full name")]
        public string Name { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var certificate = await training.GetCertificateAsync(User.RequiredId(), id, content.Current, cancellationToken);
        if (certificate is null)
            return NotFound();
        Certificate = certificate;
        VerifyUrl = Verify.IndexModel.Link(this, certificate.Completion.VerificationCode);
        return Page();
    }

    /// <summary>
    /// A certificate issued while the account had no name gets one here, once. A certificate with a
    /// name keeps it: the name was fixed when it was issued.
    /// </summary>
    public async Task<IActionResult> OnPostNameAsync(long id, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return await OnGetAsync(id, cancellationToken);
        var result = await training.NameCertificatesAsync(User.RequiredId(), id, Input.Name, cancellationToken);
        if (result.Outcome == Infrastructure.Outcome.Done)
            TempData["StatusMessage"] = "Your name is on your certificates now.";
        return await this.AnswerAsync(result, () => RedirectToPage(new { id }), () => OnGetAsync(id, cancellationToken));
    }
}
