using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Content;

namespace Portal.Web.Pages.Careers;

/// <summary>The role explorer: every job in the catalogue, filtered by what matters to someone choosing.</summary>
public sealed class IndexModel(ContentStore content) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public FilterInput Filter { get; set; } = new();

    public IReadOnlyList<CareerRole> Roles { get; private set; } = [];

    public IReadOnlyList<CareerRole> StartingPoints { get; private set; } = [];

    public int TotalRoles { get; private set; }

    public sealed class FilterInput
    {
        public string? Sector { get; set; }

        public string? Setting { get; set; }

        public bool NoQualifications { get; set; }

        [Range(0, 200, ErrorMessage = "Enter an hourly pay from 0 to 200, like 13.50")]
        [Display(Name = "the hourly pay")]
        public decimal? PayFrom { get; set; }

        [Range(0, 7, ErrorMessage = "Choose a level from 0 to 7")]
        public int? Level { get; set; }

        public bool IsEmpty => Sector is null && Setting is null && !NoQualifications && PayFrom is null && Level is null;
    }

    public void OnGet()
    {
        var all = content.Current.Roles.Values;
        StartingPoints = [.. all.Where(r => r.EntryPoint).OrderBy(r => r.Title, StringComparer.Ordinal)];
        var jobs = all.Where(r => !r.EntryPoint).ToList();
        TotalRoles = jobs.Count;
        // An invalid filter value is shown as an error and ignored, rather than hiding every role.
        var filter = ModelState.IsValid ? Filter : new FilterInput { Sector = Filter.Sector, Setting = Filter.Setting, NoQualifications = Filter.NoQualifications };
        Roles = [.. jobs.Where(r => Matches(r, filter)).OrderBy(r => r.Level).ThenBy(r => r.Pay?.HourlyFrom).ThenBy(r => r.Title, StringComparer.Ordinal)];
    }

    private static bool Matches(CareerRole role, FilterInput filter) =>
        (filter.Sector is null || role.Sector == filter.Sector || role.Sector == "both")
        && (filter.Setting is null || role.Settings.Contains(filter.Setting))
        && (!filter.NoQualifications || role.NoQualificationsNeeded)
        && (filter.PayFrom is null || role.Pay?.HourlyTo >= filter.PayFrom)
        && (filter.Level is null || role.Level == filter.Level);
}
