using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Talent;
using Portal.Infrastructure.Talent;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Profile;

/// <summary>The person's job alerts: each one's search, how often, when it last ran; and deleting one.</summary>
public sealed class AlertsModel(AlertService alerts) : PageModel
{
    public IReadOnlyList<SavedSearch> Alerts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Alerts = await alerts.MineAsync(User.RequiredId(), cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await alerts.DeleteAsync(User.RequiredId(), id, cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            TempData["StatusMessage"] = "Job alert deleted.";
            return RedirectToPage();
        });
    }
}
