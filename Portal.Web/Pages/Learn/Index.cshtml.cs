using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Compliance;
using Portal.Domain.Training;
using Portal.Infrastructure.Compliance;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Training;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Learn;

/// <summary>The module catalogue, filtered by what matters in a gap between visits.</summary>
public sealed class IndexModel(ContentStore content, TrainingService training, ComplianceService compliance) : PageModel
{
    public const string NotDone = "not-done";
    public const string DueForRefresh = "due";
    public const string RequiredByEmployer = "required";

    [BindProperty(SupportsGet = true)]
    public FilterInput Filter { get; set; } = new();

    public IReadOnlyList<Card> Modules { get; private set; } = [];

    public int TotalModules { get; private set; }

    /// <summary>Jobs whose routes name training, for "needed for this job".</summary>
    public IReadOnlyList<CareerRole> RolesWithTraining { get; private set; } = [];

    public IReadOnlyList<int> StandardsCovered { get; private set; } = [];

    public bool SignedIn { get; private set; }

    /// <param name="Required">Where the module stands against the employers that require it (the worst of them), and who they are.</param>
    public sealed record Card(LearningModule Module, RecordEntry? Entry, (ComplianceCell Cell, string By)? Required = null);

    public sealed class FilterInput
    {
        [Range(1, 10, ErrorMessage = "Choose 5 or 10 minutes")]
        public int? Minutes { get; set; }

        public string? Topic { get; set; }

        [Range(1, 16, ErrorMessage = "Choose a Care Certificate standard from the list")]
        public int? Standard { get; set; }

        public string? Role { get; set; }

        public string? Status { get; set; }

        public bool IsEmpty => Minutes is null && Topic is null && Standard is null && Role is null && Status is null;
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var set = content.Current;
        TotalModules = set.Modules.Count;
        var neededFor = RequiredByRole(set);
        RolesWithTraining = [.. neededFor.Keys.Select(slug => set.Roles[slug]).OrderBy(r => r.Level).ThenBy(r => r.Title, StringComparer.Ordinal)];
        StandardsCovered = [.. set.Modules.Values.SelectMany(m => m.CareCertificateStandards).Distinct().Order()];

        var userId = User.IdIfSignedIn();
        SignedIn = userId is not null;
        if (Filter.Topic is not null && !LearnVocabulary.Topics.Contains(Filter.Topic))
            ModelState.AddModelError("Filter.Topic", "Choose a topic from the list");
        if (Filter.Role is not null && !neededFor.ContainsKey(Filter.Role))
            ModelState.AddModelError("Filter.Role", "Choose a job from the list");
        if (Filter.Status is not null && Filter.Status is not (NotDone or DueForRefresh or RequiredByEmployer))
            ModelState.AddModelError("Filter.Status", "Choose 'not done yet', 'due for a refresher' or 'required by my employer'");
        else if (Filter.Status is not null && !SignedIn)
            ModelState.AddModelError("Filter.Status", "Sign in to filter by your own training record");

        // Like the careers explorer: a bad value is shown as an error and left out, the rest still filter.
        var valid = ModelState.IsValid ? Filter : Keep(Filter);
        // Filtered by what is required, the record comes with the requirements, read together.
        var mine = valid.Status == RequiredByEmployer && userId is not null ? await compliance.MineAsync(userId, set, cancellationToken) : null;
        var record = userId is null
            ? new Dictionary<string, RecordEntry>()
            : (mine?.Record ?? await training.GetRecordAsync(userId, set, cancellationToken)).ToDictionary(e => e.ModuleSlug, StringComparer.Ordinal);
        // The employer's own judgement of each required module (the cells its matrix shows), worst employer first.
        var required = mine is not null
            ? mine.Required.Employers
                .SelectMany(e => e.Cells.Where(c => c.Topic.Kind == TopicKind.Module).Select(c => (c.Topic.Slug, c.Cell, e.OrganisationName)))
                .GroupBy(x => x.Slug, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (g.MinBy(x => LearnText.Urgency(x.Cell.Status)).Cell, string.Join(", ", g.Select(x => x.OrganisationName).Distinct())), StringComparer.Ordinal)
            : [];
        Modules = [.. set.Modules.Values
            .Where(m => valid.Minutes is null || m.Minutes <= valid.Minutes)
            .Where(m => valid.Topic is null || m.Topics.Contains(valid.Topic))
            .Where(m => valid.Standard is null || m.CareCertificateStandards.Contains(valid.Standard.Value))
            .Where(m => valid.Role is null || neededFor[valid.Role].Contains(m.Slug))
            .Select(m => new Card(m, record.GetValueOrDefault(m.Slug), required.TryGetValue(m.Slug, out var r) ? r : null))
            .Where(c => valid.Status switch
            {
                NotDone => c.Entry?.Latest is null,
                DueForRefresh => c.Entry is { } entry && TrainingExpiry.IsDue(entry.Status),
                RequiredByEmployer => c.Required is not null,
                _ => true,
            })
            .OrderBy(c => c.Required is { } r ? LearnText.Urgency(r.Cell.Status) : 0)
            .ThenBy(c => c.Module.CareCertificateStandards.Count == 0 ? int.MaxValue : c.Module.CareCertificateStandards[0])
            .ThenBy(c => c.Module.Title, StringComparer.Ordinal)];

        FilterInput Keep(FilterInput f) => new()
        {
            Minutes = Bad(nameof(f.Minutes)) ? null : f.Minutes,
            Topic = Bad(nameof(f.Topic)) ? null : f.Topic,
            Standard = Bad(nameof(f.Standard)) ? null : f.Standard,
            Role = Bad(nameof(f.Role)) ? null : f.Role,
            Status = Bad(nameof(f.Status)) ? null : f.Status,
        };

        bool Bad(string field) => ModelState.GetFieldValidationState($"{nameof(Filter)}.{field}") == ModelValidationState.Invalid;
    }

    /// <summary>For each job, the modules that the route steps into it name.</summary>
    private static Dictionary<string, HashSet<string>> RequiredByRole(ContentSet set) =>
        set.Planner.Graph.Steps
            .Where(s => s.Requirements.Modules.Count > 0)
            .GroupBy(s => s.To, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(s => s.Requirements.Modules).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
}
