using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Talent;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Talent;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Jobs;

/// <summary>The public job search: a GET form, so every search is a link that works without script.</summary>
public sealed class IndexModel(JobSearch search, PostcodeDistricts postcodes, ContentStore content, AlertService alerts) : PageModel
{
    public static readonly int[] Distances = [5, 10, 20];

    [BindProperty(SupportsGet = true)]
    public SearchInput Search { get; set; } = new();

    public JobResults? Results { get; private set; }

    /// <summary>Any filter beyond the words is set, or wrong: the filters are shown open.</summary>
    public bool FiltersInUse => Search.Role is not null || Search.Postcode is not null || Search.Miles is not null || Search.PayFrom is not null
        || Search.Guaranteed || Search.Travel || Search.WholeShift || Search.Shifts.Count > 0 || Search.Sort != JobSort.Relevance || !ModelState.IsValid;

    public ContentSet Catalogue => content.Current;

    public sealed class SearchInput
    {
        [StringLength(100, ErrorMessage = "Use up to 100 characters")]
        public string? Keyword { get; set; }

        public string? Role { get; set; }

        public string? Postcode { get; set; }

        public int? Miles { get; set; }

        [Range(typeof(decimal), "0", "200", ErrorMessage = "Enter an hourly pay from 0 to 200, like 13.45")]
        [Display(Name = "the hourly pay")]
        public decimal? PayFrom { get; set; }

        public bool Guaranteed { get; set; }

        public bool Travel { get; set; }

        public bool WholeShift { get; set; }

        public List<ShiftTimes> Shifts { get; set; } = [];

        public JobSort Sort { get; set; }

        // Not "Page": with no Search.* field in the query the binder falls back to unprefixed names,
        // and Razor Pages' own route value "page" ("/Jobs/Index") would land here and fail.
        [Range(1, 10_000)]
        public int PageNumber { get; set; } = 1;
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var from = postcodes.LocateField(Search.Postcode, ModelState, "Search.Postcode");
        if (Search.Miles is { } miles && !Distances.Contains(miles))
            ModelState.AddModelError("Search.Miles", "Choose 5, 10 or 20 miles");
        else if (Search.Miles is not null && from is null && ModelState.GetFieldValidationState("Search.Postcode") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            ModelState.AddModelError("Search.Postcode", "Enter a postcode to search by distance");
        if (Search.Role is not null && !content.Current.Roles.ContainsKey(Search.Role))
            ModelState.AddModelError("Search.Role", "Choose a job from the list");
        if (Search.Sort == JobSort.Distance && from is null)
            Search.Sort = JobSort.Relevance;
        if (!ModelState.IsValid)
            return;

        Results = await search.SearchAsync(new JobQuery
        {
            Keyword = Search.Keyword,
            CareerRole = Search.Role,
            From = from,
            WithinMiles = from is null ? null : Search.Miles,
            MinimumPay = Search.PayFrom,
            GuaranteedHours = Search.Guaranteed,
            PaidTravelTime = Search.Travel,
            WholeShiftPaid = Search.WholeShift,
            Shifts = Search.Shifts.Aggregate(ShiftTimes.None, (all, shift) => all | shift),
            Sort = Search.Sort,
            Page = Search.PageNumber,
        }, cancellationToken);
    }

    [BindProperty]
    [StringLength(SavedSearch.MaxNameLength, ErrorMessage = "Keep the alert's name to 80 characters")]
    public string? AlertName { get; set; }

    [BindProperty]
    public AlertFrequency AlertFrequency { get; set; } = AlertFrequency.Weekly;

    /// <summary>Keeps this search (as its own query string) as a job alert; the emails come from the background run.</summary>
    public async Task<IActionResult> OnPostSaveAlertAsync(CancellationToken cancellationToken)
    {
        if (User.IdIfSignedIn() is not { } userId)
            return Challenge();
        var query = SearchQuery();
        if (string.IsNullOrWhiteSpace(AlertName))
            ModelState.AddModelError(nameof(AlertName), "Give the alert a name, like 'Care jobs near LS6'");
        else if (query.Length > SavedSearch.MaxQueryLength)
            ModelState.AddModelError(nameof(AlertName), "This search is too long to save; remove some filters");
        if (!ModelState.IsValid)
            return Page();
        var result = await alerts.SaveAsync(userId, AlertName!, query, AlertFrequency, cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            TempData["StatusMessage"] = $"Job alert '{AlertName}' saved. We will email you new jobs that match.";
            return RedirectToPage("/Profile/Alerts");
        }, field: _ => nameof(AlertName));
    }

    /// <summary>The search fields of this request, as the query string the page reads (without the page number).</summary>
    public string SearchQuery() =>
        string.Join("&", Request.Query.Where(q => q.Key.StartsWith("Search.", StringComparison.Ordinal) && q.Key != "Search.PageNumber")
            .OrderBy(q => q.Key, StringComparer.Ordinal)
            .SelectMany(q => q.Value.Where(v => !string.IsNullOrEmpty(v)).Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v!)}")));

    /// <summary>This search's address on another page of results.</summary>
    public string PageUrl(int page)
    {
        var query = Request.Query.Where(q => q.Key != "Search.PageNumber").SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}"));
        return Url.Page("/Jobs/Index") + "?" + string.Join("&", query.Append($"Search.PageNumber={page}"));
    }
}
