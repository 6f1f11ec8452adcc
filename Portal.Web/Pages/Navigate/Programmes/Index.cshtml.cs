using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Programmes;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Navigate.Programmes;

/// <summary>The programmes of the organisations a navigator works for, and a new one.</summary>
public sealed class IndexModel(ProgrammeService programmes) : PageModel
{
    public sealed record NewProgramme(Guid OrganisationId = default, string? Title = null, string? Summary = null);

    [BindProperty]
    public NewProgramme Input { get; set; } = new();

    public IReadOnlyList<ProgrammeService.ProgrammeSummary> Programmes { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await programmes.CreateAsync(User.RequiredId(), Input.OrganisationId, Input.Title ?? "", Input.Summary, cancellationToken);
        return await this.AnswerAsync(result, id => RedirectToPage("/Navigate/Programmes/Programme", new { id }), async () =>
        {
            await LoadAsync(cancellationToken);
            return Page();
        });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Programmes = await programmes.ListAsync(User.RequiredId(), cancellationToken);
        Organisations = await programmes.NavigatingForAsync(User.RequiredId(), cancellationToken);
    }
}
