using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Pathways;
using Portal.Domain.Talent;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Talent;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Jobs;

/// <summary>One open vacancy, with the career route its job sits on. A draft, closed or unknown one is not found.</summary>
public sealed class JobModel(JobSearch search, ContentStore content, PostcodeDistricts postcodes, ApplicationService applications) : PageModel
{
    public Vacancy Vacancy { get; private set; } = null!;

    public string OrganisationName { get; private set; } = "";

    public IReadOnlyList<string> Badges { get; private set; } = [];

    public string DescriptionHtml { get; private set; } = "";

    public CareerRole? Role { get; private set; }

    public string Area { get; private set; } = "";

    public IReadOnlyList<RouteStep> RoutesOut { get; private set; } = [];

    public ContentSet Catalogue => content.Current;

    /// <summary>The signed-in person's application to this vacancy, if they have made one.</summary>
    public Application? MyApplication { get; private set; }

    [BindProperty]
    [System.ComponentModel.DataAnnotations.StringLength(Application.MaxNoteLength, ErrorMessage = "Keep the note to 1,000 characters")]
    public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await search.FindOpenAsync(id, cancellationToken) is not { } found)
            return NotFound();
        (Vacancy, OrganisationName) = found;
        Badges = search.Badges(Vacancy.Details);
        DescriptionHtml = VacancyService.DescriptionHtml(Vacancy.Details.DescriptionMarkdown);
        Role = Catalogue.Roles.GetValueOrDefault(Vacancy.Details.CareerRole);
        Area = postcodes.AreaOf(Vacancy.Details.Location.District);
        RoutesOut = [.. Catalogue.Planner.Graph.Steps.Where(s => s.From == Vacancy.Details.CareerRole)];
        if (User.IdIfSignedIn() is { } userId)
            MyApplication = await applications.FindMineAsync(userId, id, cancellationToken);
        return Page();
    }

    /// <summary>One click: the person's account and training record go with a short optional note.</summary>
    public async Task<IActionResult> OnPostApplyAsync(Guid id, CancellationToken cancellationToken)
    {
        if (User.IdIfSignedIn() is not { } userId)
            return Challenge();
        if (!ModelState.IsValid)
            return await OnGetAsync(id, cancellationToken);
        var result = await applications.ApplyAsync(userId, id, Note, cancellationToken);
        return await this.AnswerAsync(result, _ =>
        {
            TempData["StatusMessage"] = "Your application is sent. You can follow it here.";
            return RedirectToPage("/Applications/Index");
        }, () => OnGetAsync(id, cancellationToken));
    }
}
