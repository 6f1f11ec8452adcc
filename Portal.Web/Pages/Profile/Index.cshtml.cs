using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Talent;
using Portal.Infrastructure;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Talent;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Profile;

/// <summary>The person's candidate profile: what employers see with an application, and whether they may find them.</summary>
public sealed class IndexModel(ProfileService profiles, PostcodeDistricts postcodes, ContentStore content) : PageModel
{
    public CandidateProfile? Saved { get; private set; }

    public ContentSet Catalogue => content.Current;

    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    public sealed class ProfileInput
    {
        public string? Postcode { get; set; }

        public List<WorkDays> Days { get; set; } = [];

        public List<ShiftTimes> Shifts { get; set; } = [];

        public bool DrivingLicence { get; set; }

        [Range(typeof(decimal), "5", "200", ErrorMessage = "Enter the lowest hourly pay you would take in pounds, from 5 to 200, or leave it empty")]
        [Display(Name = "the lowest hourly pay you would take")]
        public decimal? MinimumHourlyPay { get; set; }

        [StringLength(CandidateProfile.MaxLanguagesLength, ErrorMessage = "Keep languages to 200 characters")]
        public string? Languages { get; set; }

        public List<string> WantedRoles { get; set; } = [];

        public List<string> Qualifications { get; set; } = [];

        [StringLength(CandidateProfile.MaxStatementLength, ErrorMessage = "Keep the statement to 1,000 characters")]
        public string? Statement { get; set; }

        public bool DbsUpdateService { get; set; }

        public bool RightToWork { get; set; }

        public bool References { get; set; }

        public bool LetEmployersFindMe { get; set; }

        public bool EmailMeMatches { get; set; }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Saved = await profiles.FindAsync(User.RequiredId(), cancellationToken);
        if (Saved is { } p)
        {
            Input = new ProfileInput
            {
                Postcode = p.Location?.Postcode,
                Days = [.. WorkPattern.DaysIn(p.Days)],
                Shifts = [.. WorkPattern.ShiftsIn(p.Shifts)],
                DrivingLicence = p.DrivingLicence,
                MinimumHourlyPay = p.MinimumHourlyPay,
                Languages = p.Languages,
                WantedRoles = [.. p.WantedRoles],
                Qualifications = [.. p.Qualifications],
                Statement = p.Statement,
                DbsUpdateService = p.DbsUpdateServiceDeclaredOn is not null,
                RightToWork = p.RightToWorkDeclaredOn is not null,
                References = p.ReferencesDeclaredOn is not null,
                LetEmployersFindMe = p.LetEmployersFindMe,
                EmailMeMatches = p.EmailMeMatches,
            };
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var userId = User.RequiredId();
        var location = postcodes.LocateField(Input.Postcode, ModelState, "Input.Postcode");
        if (Input.WantedRoles.Any(r => !content.Current.Roles.ContainsKey(r)) || Input.Qualifications.Any(q => !content.Current.Programmes.ContainsKey(q)))
            ModelState.AddModelError("Input.WantedRoles", "Choose jobs and qualifications from the lists");
        if (!ModelState.IsValid)
        {
            Saved = await profiles.FindAsync(userId, cancellationToken);
            return Page();
        }
        var result = await profiles.SaveAsync(userId, new CandidateDetails
        {
            Location = location,
            Days = Input.Days.Aggregate(WorkDays.None, (all, day) => all | day),
            Shifts = Input.Shifts.Aggregate(ShiftTimes.None, (all, shift) => all | shift),
            DrivingLicence = Input.DrivingLicence,
            MinimumHourlyPay = Input.MinimumHourlyPay,
            Languages = Input.Languages,
            WantedRoles = Input.WantedRoles,
            Qualifications = Input.Qualifications,
            Statement = Input.Statement,
            DbsUpdateService = Input.DbsUpdateService,
            RightToWork = Input.RightToWork,
            References = Input.References,
            LetEmployersFindMe = Input.LetEmployersFindMe,
            EmailMeMatches = Input.EmailMeMatches,
        }, cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            TempData["StatusMessage"] = "Your profile is saved.";
            return RedirectToPage();
        });
    }

    public static string Declared(DateOnly? on) =>
        on is { } date ? $" (declared {date.UkDate()})" : "";
}
