using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Programmes;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Programmes;

/// <summary>"Are you still in work?": the person's own check-ins, answered with one tap.</summary>
public sealed class CheckInsModel(CohortSignUp signUp) : PageModel
{
    public IReadOnlyList<CohortSignUp.MyCheckIn> CheckIns { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => CheckIns = await signUp.CheckInsAsync(User.RequiredId(), cancellationToken);

    public async Task<IActionResult> OnPostAnswerAsync(long checkIn, bool stillInWork, CancellationToken cancellationToken) =>
        this.Answer(await signUp.AnswerAsync(User.RequiredId(), checkIn, stillInWork, cancellationToken),
            () => Back(stillInWork ? "Thank you. Good to hear it is going well." : "Thank you for telling us. Your navigator will be in touch to help with what is next."),
            problem => Back("Error: " + problem.Message));

    private RedirectToPageResult Back(string message)
    {
        TempData["StatusMessage"] = message;
        return RedirectToPage();
    }
}
