using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Talent;
using Portal.Infrastructure.Talent;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Profile;

/// <summary>"Roles that fit you": the person's best open matches with the reasons, each one dismissable.</summary>
public sealed class MatchesModel(MatchService matches, ProfileService profiles) : PageModel
{
    public IReadOnlyList<MatchService.RoleThatFits> Roles { get; private set; } = [];

    public CandidateProfile? Profile { get; private set; }

    public int Dismissed { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.RequiredId();
        Profile = await profiles.FindAsync(userId, cancellationToken);
        Roles = await matches.RolesForAsync(userId, cancellationToken);
        Dismissed = await matches.DismissedByPersonAsync(userId, cancellationToken);
    }

    public async Task<IActionResult> OnPostDismissAsync(Guid vacancyId, CancellationToken cancellationToken)
    {
        var result = await matches.DismissForPersonAsync(User.RequiredId(), vacancyId, cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            TempData["StatusMessage"] = "Dismissed: it will not show here again.";
            return RedirectToPage();
        });
    }

    public async Task<IActionResult> OnPostRestoreAsync(CancellationToken cancellationToken)
    {
        var result = await matches.RestoreForPersonAsync(User.RequiredId(), cancellationToken);
        return await this.AnswerAsync(result, restored =>
        {
            TempData["StatusMessage"] = restored == 1 ? "The role you dismissed can show here again." : $"The {restored} roles you dismissed can show here again.";
            return RedirectToPage();
        });
    }
}
