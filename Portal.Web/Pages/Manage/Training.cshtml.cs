using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Compliance;
using Portal.Infrastructure;
using Portal.Infrastructure.Compliance;
using Portal.Infrastructure.Content;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Manage;

/// <summary>
/// An organisation's own training rules: what each job requires (starting from the job role's usual
/// list) and how often each module must be redone here.
/// </summary>
public sealed class TrainingModel(ComplianceService compliance, ContentStore content) : PageModel
{
    /// <summary>The choices for how often a module is redone; "" keeps the module's own interval.</summary>
    public static readonly IReadOnlyList<(string Value, string Text)> Intervals =
    [
        ("", "The module's usual interval"), ("6", "Every 6 months"), ("12", "Every year"), ("24", "Every 2 years"), ("36", "Every 3 years"), ("never", "Once is enough"),
    ];

    [BindProperty(SupportsGet = true, Name = "org")]
    public Guid? Organisation { get; set; }

    [BindProperty(SupportsGet = true, Name = "job")]
    public string? Job { get; set; }

    [BindProperty(Name = "topic")]
    public List<string> Topics { get; set; } = [];

    [BindProperty(Name = "refresh")]
    public Dictionary<string, string> Refresh { get; set; } = [];

    public ComplianceService.Rules Rules { get; private set; } = null!;

    public ContentSet Catalogue => content.Current;

    public CareerRole SelectedJob { get; private set; } = null!;

    public IReadOnlyList<Topic> Required { get; private set; } = [];

    public IReadOnlyList<Topic> Usual { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRequiredAsync(CancellationToken cancellationToken)
    {
        if (!await LoadForPostAsync(cancellationToken))
            return NotFound();
        var result = await compliance.SetRequiredAsync(User.RequiredId(), Rules.OrganisationId, SelectedJob.Slug, Topics, cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            TempData["StatusMessage"] = $"Required training for {SelectedJob.Title} saved: {Topics.Count} {(Topics.Count == 1 ? "topic" : "topics")}.";
            return RedirectToPage(new { org = Rules.OrganisationId, job = SelectedJob.Slug });
        }, field: _ => nameof(Topics));
    }

    public async Task<IActionResult> OnPostUsualAsync(CancellationToken cancellationToken)
    {
        if (!await LoadForPostAsync(cancellationToken))
            return NotFound();
        var result = await compliance.UseDefaultsAsync(User.RequiredId(), Rules.OrganisationId, SelectedJob.Slug, cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            TempData["StatusMessage"] = $"{SelectedJob.Title} now requires the usual training for the job.";
            return RedirectToPage(new { org = Rules.OrganisationId, job = SelectedJob.Slug });
        });
    }

    public async Task<IActionResult> OnPostRefreshAsync(CancellationToken cancellationToken)
    {
        if (!await LoadForPostAsync(cancellationToken))
            return NotFound();
        // Check every value before changing any, so a tampered one changes nothing.
        var wanted = new List<(string Slug, bool UseDefault, int? Months)>();
        foreach (var (slug, value) in Refresh)
        {
            if (!Catalogue.Modules.ContainsKey(slug) || (Intervals.All(i => i.Value != (value ?? "")) && value != CurrentInterval(slug)))
            {
                ModelState.AddModelError(nameof(Refresh), "Choose how often each module is redone from its list");
                return Page();
            }
            var (useDefault, months) = value switch
            {
                null or "" => (true, (int?)null),
                "never" => (false, null),
                _ => (false, int.Parse(value, CultureInfo.InvariantCulture)),
            };
            var current = Rules.Training.Overrides.TryGetValue(slug, out var own) ? (false, own) : (true, (int?)null);
            if (current != (useDefault, months))
                wanted.Add((slug, useDefault, months));
        }
        var result = Result.Done();
        foreach (var (slug, useDefault, months) in wanted)
        {
            result = await compliance.SetRefreshAsync(User.RequiredId(), Rules.OrganisationId, slug, useDefault, months, cancellationToken);
            if (!result.IsDone)
                break;
        }
        // Every value was checked against the page's own list above: a refusal now is a form the page never drew.
        return this.Answer(result, () =>
        {
            TempData["StatusMessage"] = wanted.Count == 0 ? "Nothing changed." : $"Refresh intervals saved ({wanted.Count} changed).";
            return RedirectToPage(pageName: null, pageHandler: null, routeValues: new { org = Rules.OrganisationId, job = SelectedJob.Slug }, fragment: "refresh");
        }, problem => BadRequest(problem.Message));
    }

    /// <summary>A change names its organisation and job exactly: a missing or unknown one is not found, never another's.</summary>
    private async Task<bool> LoadForPostAsync(CancellationToken cancellationToken) =>
        Organisation is not null && Job is not null && Catalogue.Roles.TryGetValue(Job, out var role) && !role.EntryPoint
        && await LoadAsync(cancellationToken) && Rules.OrganisationId == Organisation;

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var rules = await compliance.RulesAsync(User.RequiredId(), Organisation, cancellationToken);
        if (rules is null)
            return false;
        Rules = rules;
        var jobs = Jobs;
        SelectedJob = Job is not null && Catalogue.Roles.TryGetValue(Job, out var role) && !role.EntryPoint ? role : jobs.FirstOrDefault(r => r.Slug == "care-worker") ?? jobs[0];
        Required = rules.Training.Required(SelectedJob.Slug);
        Usual = OrganisationTraining.Defaults(Catalogue, SelectedJob.Slug);
        return true;
    }

    public IReadOnlyList<CareerRole> Jobs => [.. Catalogue.Roles.Values.Where(r => !r.EntryPoint).OrderBy(r => r.Title, StringComparer.Ordinal)];

    public static string Every(int? months) => months switch
    {
        null => "once is enough",
        12 => "every year",
        int m when m % 12 == 0 => $"every {m / 12} years",
        1 => "every month",
        int m => $"every {m} months",
    };

    public string CurrentInterval(string slug) =>
        Rules.Training.Overrides.TryGetValue(slug, out var own) ? own is { } months ? months.ToString(CultureInfo.InvariantCulture) : "never" : "";
}
