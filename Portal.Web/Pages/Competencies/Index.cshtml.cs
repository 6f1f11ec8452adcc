using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Compliance;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Competencies;

/// <summary>A practitioner's list: who on their organisations' staff needs a competency observed, and where each stands.</summary>
public sealed class IndexModel(CompetencyService competencies) : PageModel
{
    public bool IsPractitioner { get; private set; }

    public IReadOnlyList<CompetencyService.ToObserve> People { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.RequiredId();
        IsPractitioner = await competencies.IsPractitionerAsync(userId, cancellationToken);
        if (IsPractitioner)
            People = await competencies.ToObserveAsync(userId, cancellationToken);
    }
}
